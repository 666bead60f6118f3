/**
 * botocore's `TokenEncoder` / `TokenDecoder`: a resume token is base64 of Python's
 * `json.dumps(token)`; bytes values are base64-encoded and their paths listed under
 * `boto_encoded_keys`.
 * @module
 */
import { TextDecoder } from 'node:util';
import { BOTO_ENCODED_KEYS } from './constants.js';
import { PyAttributeError, PyValueError } from '../python/py-errors.js';
import { pyB64Decode, pyB64Encode } from '../python/py-base64.js';
import { pyJsonDumps } from '../python/py-json.js';
import { isPlainObject, pyTypeName, setOwn } from '../python/py-types.js';
import type { TokenDict } from './types.js';

type KeyPath = (string | number)[];

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LONE_SURROGATE = /\p{Cs}/u;

function encodeBytes(data: unknown, path: KeyPath): [unknown, KeyPath[]] {
  if (data instanceof Uint8Array) return [pyB64Encode(data), [path]];
  const encoded: KeyPath[] = [];
  if (Array.isArray(data)) {
    const items = data.map((item: unknown, index) => {
      const [value, paths] = encodeBytes(item, [...path, index]);
      encoded.push(...paths);
      return value;
    });
    return [items, encoded];
  }
  if (!isPlainObject(data)) return [data, encoded];
  const dict: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(data)) {
    const [value, paths] = encodeBytes(item, [...path, key]);
    setOwn(dict, key, value);
    encoded.push(...paths);
  }
  return [dict, encoded];
}

/** Encodes a token dict into the opaque string botocore would produce, byte for byte. */
export function encodeToken(token: TokenDict): string {
  let json: string;
  try {
    json = pyJsonDumps(token);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const [encoded, paths] = encodeBytes(token, []);
    setOwn(encoded as TokenDict, BOTO_ENCODED_KEYS, paths);
    json = pyJsonDumps(encoded);
  }
  return pyB64Encode(Buffer.from(json, 'utf8'));
}

function decodeJson(token: string): unknown {
  if (LONE_SURROGATE.test(token)) {
    throw new PyValueError("'utf-8' codec can't encode character: surrogates not allowed");
  }
  try {
    return JSON.parse(UTF8.decode(pyB64Decode(token)));
  } catch (error) {
    if (error instanceof PyValueError) throw error;
    throw new PyValueError(error instanceof Error ? error.message : String(error));
  }
}

// Malformed `boto_encoded_keys` cannot come from botocore; they surface as a TypeError, which
// makes the caller fall back to the legacy parser as most such failures do in Python.
function decodeBytes(token: TokenDict, paths: unknown): TokenDict {
  if (!Array.isArray(paths)) throw new TypeError(`'${pyTypeName(paths)}' object is not iterable`);
  for (const path of paths) {
    if (!Array.isArray(path) || path.length === 0) throw new TypeError('bad boto_encoded_keys');
    let container: unknown = token;
    for (const step of path.slice(0, -1)) container = (container as TokenDict)[step as string];
    const last = path[path.length - 1] as string;
    const encoded = (container as TokenDict)[last];
    if (typeof encoded !== 'string') throw new TypeError('bad boto_encoded_keys');
    (container as TokenDict)[last] = pyB64Decode(encoded);
  }
  return token;
}

/**
 * Decodes an opaque token string into its dict, raising what Python raises: `PyValueError` or
 * `TypeError` when it is not a botocore token, `PyAttributeError` when the JSON is not a dict.
 */
export function decodeToken(token: string): TokenDict {
  if (typeof token !== 'string') {
    throw new PyAttributeError(`'${pyTypeName(token)}' object has no attribute 'encode'`);
  }
  const decoded = decodeJson(token);
  if (Array.isArray(decoded)) throw new TypeError('pop expected at most 1 argument, got 2');
  if (!isPlainObject(decoded)) {
    throw new PyAttributeError(`'${pyTypeName(decoded)}' object has no attribute 'pop'`);
  }
  const { [BOTO_ENCODED_KEYS]: encodedKeys, ...rest } = decoded;
  if (encodedKeys === null || encodedKeys === undefined) return rest;
  return decodeBytes(rest, encodedKeys);
}
