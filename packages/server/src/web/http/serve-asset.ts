/**
 * The static files of the web app (app.css, app.js), read once and kept in memory.
 * @module
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
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

interface Asset {
  body: Buffer;
  /** A strong validator of the content: an upgrade changes it. */
  etag: string;
}

const cache = new Map<string, Asset>();

/**
 * Sends the named asset; PageNotFoundError for any other name. The URLs carry no version, so
 * browsers revalidate each use (`no-cache` + ETag, answered 304 while unchanged) rather than keep
 * an old app.js for a day after an upgrade.
 */
export async function serveAsset(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  assetsDir = DEFAULT_ASSETS_DIR,
): Promise<void> {
  const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (type === undefined) throw new PageNotFoundError();
  const path = join(assetsDir, name);
  let asset = cache.get(path);
  if (asset === undefined) {
    const body = await readFile(path).catch(() => undefined);
    if (body === undefined) throw new PageNotFoundError();
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    asset = { body, etag };
    cache.set(path, asset);
  }
  const headers = {
    'Cache-Control': 'no-cache',
    ETag: asset.etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': asset.body.length });
  res.end(asset.body);
}
