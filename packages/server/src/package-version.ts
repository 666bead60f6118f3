/**
 * The server package's version, read once from its package.json.
 * @module
 */
import { createRequire } from 'node:module';

/** `version` of @mailpat/server's package.json: `../package.json` from both src and dist. */
export const MAILPAT_VERSION: string = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
