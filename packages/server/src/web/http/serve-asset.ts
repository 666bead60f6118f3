/**
 * The static files of the web app (app.css, app.js), read once and kept in memory.
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PageNotFoundError } from './web-errors.js';

/** packages/server/assets, three folders up from src/web/http and from dist/web/http alike. */
export const DEFAULT_ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../assets');

/** The served files and their types; nothing else under /account/assets/ exists. */
const ASSETS: Readonly<Record<string, string>> = {
  'app.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
};

const cache = new Map<string, Buffer>();

/** Sends the named asset with a long cache lifetime; PageNotFoundError for any other name. */
export async function serveAsset(
  res: ServerResponse,
  name: string,
  assetsDir = DEFAULT_ASSETS_DIR,
): Promise<void> {
  const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (type === undefined) throw new PageNotFoundError();
  const path = join(assetsDir, name);
  let body = cache.get(path);
  if (body === undefined) {
    body = await readFile(path).catch(() => undefined);
    if (body === undefined) throw new PageNotFoundError();
    cache.set(path, body);
  }
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}
