/**
 * Starts a mailpat server: opens the store, loads keys, listens; and stops it cleanly.
 * @module
 */
import { createServer } from 'node:http';
import type { ServerOptions } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAccessKeyLookup } from '../auth/access-key-lookup.js';
import { resolveRootCredentials } from '../auth/root-credentials.js';
import type { HttpSettings } from '../config/http-settings.js';
import { loadServerConfig } from '../config/server-config.js';
import { Clock } from '../domain/clock.js';
import { EventPruner } from '../events/event-pruner.js';
import type { ExpiryWarningCheck } from '../expiry-warnings/expiry-warning-check.js';
import { startExpiryWarnings } from '../expiry-warnings/start-expiry-warnings.js';
import { secureDataFiles } from '../file-modes/secure-data-files.js';
import { createIntrospectionHandler } from '../introspection/handle-introspection.js';
import { UsageRecorder } from '../introspection/usage-recorder.js';
import type { Logger } from '../logging/logger.js';
import { startMetrics } from '../metrics/start-metrics.js';
import type { StartedMetrics } from '../metrics/start-metrics.js';
import type { MetricsListener, MetricsListenerOptions } from '../metrics/start-metrics-listener.js';
import { openStore } from '../storage/open-store.js';
import { createNextTokenCodec, generateNextTokenKey } from '../tokens/next-token.js';
import { createWebApp } from '../web/create-web-app.js';
import type { WebSessionCleaner } from '../web/sessions/session-cleaner.js';
import { singleSignOnRedirectUri } from '../web/single-sign-on/redirect-uri.js';
import { createRequestHandler } from './create-request-handler.js';
import { loadTlsCredentials } from './load-tls-credentials.js';
import type { TlsFiles } from './load-tls-credentials.js';

/** The settings key under which the NextToken HMAC key is kept (shared by every instance). */
const NEXT_TOKEN_KEY_SETTING = 'next-token-hmac-key';
/** How long SIGTERM waits for in-flight requests before cutting connections. */
const SHUTDOWN_GRACE_MS = 10_000;
/**
 * How long an idle keep-alive connection stays open: longer than the clients' own idle limit,
 * so that the client, not mailpat, closes it. Node's default (5 s) is shorter than Dovecot's
 * oauth2 HTTP client (max_idle_time_msecs 60 s, no retry): a login sent as mailpat closed the
 * connection failed with "temporary authentication failure". nginx's upstream default is 60 s too.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** Headers kept per request: a signed request has about ten; the rest are ignored. */
const MAX_HEADERS_COUNT = 100;
/** Bytes of request line and headers (Node's default): past it, 431 and the connection closed. */
const MAX_HEADER_BYTES = 16 * 1024;

export interface StartServerOptions {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Serve HTTPS with this certificate and key instead of HTTP. */
  tls?: TlsFiles;
  /** Serve Prometheus metrics on this separate listener; none when undefined. */
  metrics?: MetricsListenerOptions;
}

export interface RunningServer {
  /** `http://HOST:PORT` (`https://` with TLS), with the port actually bound. */
  url: string;
  /** `http://HOST:PORT/metrics` when metrics are served. */
  metricsUrl?: string;
  /** Stops accepting, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
  /**
   * With TLS: reads the certificate and key files again for new connections (on SIGHUP); a file
   * that cannot be used is logged and the current certificate kept.
   */
  reloadTls?(): void;
}

/** Opens everything and resolves once the server listens and has logged `listening on`. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { log } = options;
  // Everything that can be refused without touching the database is refused first.
  const config = loadServerConfig(options.env);
  const tls = options.tls === undefined ? undefined : loadTlsCredentials(options.tls);
  const client = config.introspectionClient;
  secureDataFiles({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    log: (message) => log.info(message),
  });
  const store = await openStore(options.databaseUrl, {
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    queryTimeoutMs: config.queryTimeoutMs,
  });
  let metrics: StartedMetrics | undefined;
  try {
    // Bound before the API listens, so `listening on` means both are up.
    metrics = await startMetrics(options.metrics, store, log);
    const key = await store.getOrCreateSetting(NEXT_TOKEN_KEY_SETTING, generateNextTokenKey);
    const credentials = await resolveRootCredentials({
      env: options.env,
      store,
      dataDir: options.dataDir,
      log: (message: string) => log.info(message),
    });
    let listeningUrl = '';
    const context = {
      store,
      nextTokens: createNextTokenCodec(Buffer.from(key, 'base64')),
      clock: new Clock(),
      singleSignOnRedirectUri: () =>
        singleSignOnRedirectUri(config.web.publicUrl?.href ?? listeningUrl),
    };
    const lookupSecret = createAccessKeyLookup(credentials, store);
    const recorder = new UsageRecorder(store, {
      intervalMs: config.flushIntervalMs,
      log,
    });
    if (client === undefined) {
      log.info('mail login off: set MAILPAT_INTROSPECTION_CLIENT_ID and _SECRET to enable it');
    }
    const introspect = createIntrospectionHandler({
      store,
      client,
      recorder,
      log,
      metrics: metrics?.observer,
    });
    const web = await createWebApp({
      store,
      clock: context.clock,
      settings: config.web,
      tls: tls !== undefined,
      log,
      redirectUri: context.singleSignOnRedirectUri,
    });
    const handler = createRequestHandler({
      store,
      context,
      lookupSecret,
      log,
      introspect,
      web: web.deps,
      metrics: metrics?.observer,
    });
    const limits = serverLimits(config.http);
    const https = tls === undefined ? undefined : createHttpsServer({ ...tls, ...limits }, handler);
    const server: Listener = https ?? createServer(limits, handler);
    server.maxConnections = config.http.maxConnections;
    server.maxHeadersCount = MAX_HEADERS_COUNT;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = `${tls === undefined ? 'http' : 'https'}://${formatHost(options.host)}:${port}`;
    listeningUrl = url;
    recorder.start();
    const pruner = new EventPruner(store, { retentionDays: config.eventRetentionDays, log });
    pruner.start();
    web.cleaner.start();
    const warnings = startExpiryWarnings({
      mail: config.mail,
      store,
      clock: context.clock,
      log,
      publicUrl: config.web.publicUrl,
    });
    log.info(`mailpat listening on ${url}`);
    const jobs = [pruner, web.cleaner, ...(warnings === undefined ? [] : [warnings])];
    const listeners = metrics === undefined ? [] : [metrics.listener];
    const running: RunningServer = {
      url,
      close: () => stop(server, recorder, [...jobs, ...listeners], store),
    };
    if (metrics !== undefined) running.metricsUrl = metrics.listener.url;
    if (https !== undefined && options.tls !== undefined) {
      const files = options.tls;
      running.reloadTls = () => reloadTls(https, files, log);
    }
    return running;
  } catch (error) {
    await metrics?.listener.close();
    await store.close();
    throw error;
  }
}

/** The timeouts and header limits of both `node:http` and `node:https` servers. */
function serverLimits(settings: HttpSettings): ServerOptions {
  return {
    headersTimeout: settings.headersTimeoutMs,
    requestTimeout: settings.requestTimeoutMs,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // Node checks the two timeouts above only this often (30 s by default): a timeout of 10 s
    // could take 40. A pass over the open connections costs microseconds per thousand.
    connectionsCheckingInterval: Math.min(1_000, settings.headersTimeoutMs),
    maxHeaderSize: MAX_HEADER_BYTES,
  };
}

/** An HTTP server, or an HTTPS one on the same port: the request handler is the same. */
type Listener = ReturnType<typeof createServer> | ReturnType<typeof createHttpsServer>;

/** Connections already open keep their certificate; new ones get the files' current one. */
function reloadTls(
  server: ReturnType<typeof createHttpsServer>,
  files: TlsFiles,
  log: Logger,
): void {
  try {
    server.setSecureContext(loadTlsCredentials(files));
    log.info(`reloaded the TLS certificate from ${files.certFile}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`kept the current TLS certificate: ${reason}`);
  }
}

async function stop(
  server: Listener,
  recorder: UsageRecorder,
  jobs: readonly (EventPruner | WebSessionCleaner | ExpiryWarningCheck | MetricsListener)[],
  store: { close(): Promise<void> },
) {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections become idle once their in-flight request is answered: reap them as
  // they do, and cut whatever is left after the grace period.
  const reaper = setInterval(() => server.closeIdleConnections(), 50);
  const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  server.closeIdleConnections();
  await closed;
  clearInterval(reaper);
  clearTimeout(grace);
  // After the last request and before the database closes: no recorded use is lost.
  await recorder.close();
  for (const job of jobs) await job.close();
  await store.close();
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
