/**
 * `mailpat serve`: runs the server until SIGTERM/SIGINT, then shuts down cleanly.
 * @module
 */
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { resolveDatabaseUrl } from '../config/database-url.js';
import { loadLogSettings } from '../config/log-settings.js';
import { logUncaughtErrors } from '../logging/log-uncaught-errors.js';
import { parsePort } from './parse-options.js';
import { DEFAULT_METRICS_HOST } from '../metrics/constants.js';

interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  database?: string;
  tlsCert?: string;
  tlsKey?: string;
  metricsPort?: number;
  metricsHost?: string;
}

/** Adds `serve` to the program. */
export function registerServeCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void {
  program
    .command('serve')
    .description('Serve the WorkMail-compatible admin API')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port to bind (0 picks a free one)', parsePort, 8080)
    .option('--data-dir <dir>', 'where SQLite data and generated credentials live', './data')
    .option('--database <url>', 'sqlite:PATH or postgres://... (env MAILPAT_DATABASE_URL)')
    .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate chain (needs --tls-key)')
    .option('--tls-key <file>', 'the PEM private key of --tls-cert')
    .option(
      '--metrics-port <port>',
      'serve Prometheus GET /metrics on this port (off by default)',
      parsePort,
    )
    .option(
      '--metrics-host <host>',
      `address of the metrics port (default ${DEFAULT_METRICS_HOST})`,
    )
    .action(async (options: ServeOptions, command: Command) => {
      const tls = readTlsOptions(options, command);
      const metrics = readMetricsOptions(options, command);
      // Loaded here, not at the top: `mailpat workmail` should not pay for the server's modules.
      const { startServer } = await import('../http/start-server.js');
      const { createLogger } = await import('../logging/create-logger.js');
      const log = await createLogger(loadLogSettings(io.env), io);
      // Listen for SIGTERM before `listening on` is printed: a supervisor may stop us at once.
      const stopSignal = io.waitForStopSignal();
      // With TLS, SIGHUP reloads the certificate (renewed by certbot, say), also from here on.
      const reload: { tls: (() => void) | undefined } = { tls: undefined };
      const stopReloading = tls && io.onReloadSignal?.(() => reload.tls?.());
      const server = await startServer({
        host: options.host,
        port: options.port,
        dataDir: options.dataDir,
        databaseUrl: resolveDatabaseUrl(options.database, io.env, options.dataDir),
        env: io.env,
        log,
        ...(tls === undefined ? {} : { tls }),
        ...(metrics === undefined ? {} : { metrics }),
      });
      reload.tls = server.reloadTls;
      const stopLoggingCrashes = logUncaughtErrors(log);
      const signal = await stopSignal;
      stopReloading?.();
      log.info(`received ${signal}, shutting down`);
      await server.close();
      log.info('stopped');
      stopLoggingCrashes();
      setExitCode(0);
    });
}

/** Both TLS options or neither: half a TLS setup is a usage error naming the missing half. */
function readTlsOptions(options: ServeOptions, command: Command) {
  const { tlsCert, tlsKey } = options;
  if (tlsCert === undefined && tlsKey === undefined) return undefined;
  if (tlsCert === undefined) command.error('error: --tls-key needs --tls-cert as well');
  if (tlsKey === undefined) command.error('error: --tls-cert needs --tls-key as well');
  return { certFile: tlsCert, keyFile: tlsKey };
}

/** Metrics only with a port of their own; a host alone is a usage error, as is the API's port. */
function readMetricsOptions(options: ServeOptions, command: Command) {
  const { metricsPort, metricsHost } = options;
  if (metricsPort === undefined) {
    if (metricsHost !== undefined) command.error('error: --metrics-host needs --metrics-port');
    return undefined;
  }
  if (metricsPort !== 0 && metricsPort === options.port) {
    command.error(
      'error: --metrics-port must differ from --port: metrics have a listener of their own',
    );
  }
  return { host: metricsHost ?? DEFAULT_METRICS_HOST, port: metricsPort };
}
