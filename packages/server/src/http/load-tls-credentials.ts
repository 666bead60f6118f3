/**
 * Reads and checks the certificate and key of `mailpat serve --tls-cert --tls-key`, so a missing,
 * unreadable or mismatched file stops the start with a message naming it, before anything opens.
 * @module
 */
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';

/** The two files as given on the command line. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

/** PEM contents, ready for `https.createServer` or `setSecureContext`. */
export interface TlsCredentials {
  cert: Buffer;
  key: Buffer;
}

/** Reads both files; throws an Error that names the option and file at fault. */
export function loadTlsCredentials(files: TlsFiles): TlsCredentials {
  const cert = readOption('--tls-cert', files.certFile);
  const key = readOption('--tls-key', files.keyFile);
  try {
    // What https.createServer would do on the first handshake: parse both, check they pair.
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(
      `--tls-cert ${files.certFile} and --tls-key ${files.keyFile} are not a PEM certificate ` +
        `chain and its private key: ${reasonOf(error)}`,
      { cause: error },
    );
  }
  return { cert, key };
}

function readOption(option: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read ${option} ${path}: ${reasonOf(error)}`, { cause: error });
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
