/**
 * Dockerfile and compose.yaml, checked without a Docker daemon (base images cannot be pulled
 * here): the Dockerfile passes a linter, and its final stage's entry command, run as the image
 * runs it (PID 1 of its own PID namespace, its own network namespace, the image's user), serves,
 * answers the image's HEALTHCHECK, and stops on SIGTERM; compose.yaml is valid Compose.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { nameUnless } from '../../../../test-support/skip-notice.js';
import { readImageConfig } from '../support/image-config.js';
import { MAILPAT_BIN, makeDataDir } from '../support/mailpat-process.js';

const ROOT = join(import.meta.dirname, '../../../..');
const DOCKERFILE = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
/** The uid of the node images' `node` user, which USER names. */
const IMAGE_UID = 1000;
const asImageUser = ['--reuid', String(IMAGE_UID), '--regid', String(IMAGE_UID), '--clear-groups'];
/** Root with unshare, and a checkout the image's user can read (as the image's /app is). */
const isolated =
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['--pid', '--net', '--fork', '--mount-proc', 'true']).status === 0 &&
  spawnSync('setpriv', [...asImageUser, process.execPath, MAILPAT_BIN, '--version']).status === 0;

describe('the Dockerfile', () => {
  const image = readImageConfig(DOCKERFILE);

  it('passes dockerfile-utils validation, which flags a broken Dockerfile', () => {
    expect(validate(DOCKERFILE)).toEqual([]);
    expect(validate('FROM node:20\nEXPOSE eighty\n').length).toBeGreaterThan(0);
  });

  it('builds in stages and runs unprivileged, with a data volume, a health check and SIGTERM', () => {
    expect(image.stageCount).toBeGreaterThanOrEqual(2);
    expect(image.user).toBe('node');
    expect(image.volumes).toEqual(['/data']);
    expect(image.stopSignal).toBe('SIGTERM');
    expect(image.entrypoint).toEqual(['mailpat']);
    expect(image.cmd).toEqual([
      'serve',
      '--host',
      '0.0.0.0',
      '--port',
      '8080',
      '--data-dir',
      '/data',
    ]);
    expect(image.healthcheck?.test[0]).toBe('node');
  });

  it.skipIf(!isolated)(
    nameUnless(
      isolated,
      'serves as PID 1 of its own namespaces with the image user, is healthy, and stops on SIGTERM with 0',
      'needs root, unshare, and a checkout uid 1000 can read',
    ),
    async () => {
      const data = makeDataDir();
      chownSync(data, IMAGE_UID, IMAGE_UID);
      const command = [...image.entrypoint, ...image.cmd].map((part) =>
        part === 'mailpat' ? MAILPAT_BIN : part === '/data' ? data : part,
      );
      // A fresh network namespace has its loopback down; `exec` keeps node as PID 1.
      const script = `ip link set lo up && exec setpriv ${asImageUser.join(' ')} "$@"`;
      const child = spawn(
        'unshare',
        [
          '--pid',
          '--net',
          '--fork',
          '--mount-proc',
          'sh',
          '-c',
          script,
          'sh',
          process.execPath,
          ...command,
        ],
        { env: { PATH: process.env.PATH, ...image.env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
      await expect.poll(() => output, { timeout: 20_000 }).toMatch(/listening on/);
      const server = serverProcess(child.pid!);
      try {
        expect(readStatus(server, 'NSpid').split(/\s+/).at(-1)).toBe('1');
        expect(readStatus(server, 'Uid').split(/\s+/)).toEqual(Array(4).fill(String(IMAGE_UID)));
        const [program, ...args] = image.healthcheck!.test;
        const health = spawnSync(
          'nsenter',
          [
            `--net=/proc/${server}/ns/net`,
            `--setuid=${IMAGE_UID}`,
            `--setgid=${IMAGE_UID}`,
            program === 'node' ? process.execPath : program!,
            ...args,
          ],
          { encoding: 'utf8', timeout: 10_000 },
        );
        expect(health.status, health.stderr).toBe(0);
        const database = statSync(join(data, 'mailpat.db'));
        expect([database.uid, database.mode & 0o777]).toEqual([IMAGE_UID, 0o600]);
      } finally {
        // From outside its namespace, PID 1 gets only the signals it handles: this proves it does.
        process.kill(server, 'SIGTERM');
      }
      expect(await exited, output).toBe(0);
      expect(output).toMatch(/stopped/);
    },
  );
});

/** The process unshare forked (PID 1 inside): sh exec'd setpriv exec'd node in its place. */
function serverProcess(unsharePid: number): number {
  const children = readFileSync(`/proc/${unsharePid}/task/${unsharePid}/children`, 'utf8').trim();
  return Number(children.split(' ')[0]);
}

function readStatus(pid: number, field: string): string {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${field}:`));
  return line!.slice(field.length + 1).trim();
}

describe('compose.yaml', () => {
  const compose = parseYaml(readFileSync(join(ROOT, 'compose.yaml'), 'utf8'), {
    merge: true,
  }) as ComposeFile;

  it('is valid by the Compose Specification schema, which refuses a misspelt key', () => {
    const check = composeValidator();
    expect(check(compose), JSON.stringify(check.errors)).toBe(true);
    const typo = structuredClone(compose);
    (typo.services.postgres!.healthcheck as Record<string, unknown>).intervall = '5s';
    expect(check(typo)).toBe(false);
  });

  it('runs two mailpat instances from the image on a PostgreSQL they wait for', () => {
    const instances = Object.entries(compose.services).filter(([name]) =>
      name.startsWith('mailpat'),
    );
    expect(instances).toHaveLength(2);
    for (const [, service] of instances) {
      expect(service.build).toBe('.');
      expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
      expect(service.environment?.MAILPAT_DATABASE_URL).toMatch(
        /^postgres:\/\/mailpat:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\/mailpat$/,
      );
    }
    expect(compose.services.postgres!.healthcheck).toBeDefined();
  });

  it('publishes the instances on loopback only', () => {
    const ports = Object.values(compose.services).flatMap((service) => service.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:/);
  });
});

interface ComposeFile {
  services: Record<
    string,
    {
      build?: string;
      depends_on?: unknown;
      environment?: Record<string, string>;
      healthcheck?: unknown;
      ports?: string[];
    }
  >;
}

function composeValidator() {
  const path = join(import.meta.dirname, '../support/compose-spec/compose-spec.json');
  // Ajv knows draft-07 by its http:// identifier; the schema names the https:// one.
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<
    string,
    unknown
  >;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
  return ajv.compile(schema);
}
