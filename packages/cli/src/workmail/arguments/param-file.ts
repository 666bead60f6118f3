/**
 * Parameter values read from files (awscli/paramfile.py): `file://path` gives the text,
 * `fileb://path` the bytes. `http://` and `https://` values are NOT fetched: aws CLI v1 fetched
 * them unless cli_follow_urlparam was false, but aws CLI v2 stopped doing so, and mailpat follows
 * v2, so such a value is kept as the literal string.
 * @module
 */
import { pyRepr } from '@mailpat/client/python';
import { readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';

/** What loading a paramfile needs from outside; tests substitute both. */
export interface ParamFileIo {
  /** Reads a whole file; errors carry Node's `code` (ENOENT...). Defaults to fs.readFileSync. */
  readFile?: (path: string) => Uint8Array;
  /** Environment for `$VAR` and `~` expansion. Defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A file could not be read or decoded; aws prints the message (with or without the option). */
export class ResourceLoadingError extends Error {
  override readonly name = 'ResourceLoadingError';
}

// Python's OSError text for the errors a read can meet: "[Errno 2] No such file or directory".
const OS_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  EACCES: [13, 'Permission denied'],
  EBUSY: [16, 'Device or resource busy'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  EFBIG: [27, 'File too large'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

/** posixpath.expanduser: `~` and `~/...` from HOME; `~user` only for the current user. */
function expandUser(path: string, env: Readonly<Record<string, string | undefined>>): string {
  if (!path.startsWith('~')) return path;
  const slash = path.indexOf('/', 1);
  const end = slash < 0 ? path.length : slash;
  const name = path.slice(1, end);
  let home: string;
  if (name === '') home = env['HOME'] ?? homedir();
  else if (name === userInfo().username) home = homedir();
  else return path;
  home = home.replace(/\/+$/, '');
  return home + path.slice(end) || '/';
}

/** posixpath.expandvars: `$NAME` and `${NAME}`; unknown variables are left as written. */
function expandVars(path: string, env: Readonly<Record<string, string | undefined>>): string {
  if (!path.includes('$')) return path;
  const variable = /\$(\w+|\{[^}]*\})/g;
  let result = path;
  let index = 0;
  for (;;) {
    variable.lastIndex = index;
    const match = variable.exec(result);
    if (!match) return result;
    let name = match[1] as string;
    if (name.startsWith('{') && name.endsWith('}')) name = name.slice(1, -1);
    const value = env[name];
    if (value === undefined) {
      index = match.index + match[0].length;
      continue;
    }
    const tail = result.slice(match.index + match[0].length);
    result = result.slice(0, match.index) + value;
    index = result.length;
    result += tail;
  }
}

function osErrorText(error: unknown, filePath: string): string {
  const code = (error as { code?: unknown }).code;
  const known = typeof code === 'string' ? OS_ERRORS[code] : undefined;
  if (known) return `[Errno ${known[0]}] ${known[1]}: ${pyRepr(filePath)}`;
  // An errno Python would name differently: Node's own description is the closest available.
  return `${error instanceof Error ? error.message : String(error)}: ${pyRepr(filePath)}`;
}

/** Text mode as Python opens it: strict UTF-8 (a BOM kept) and universal newlines. */
function decodeText(data: Uint8Array, filePath: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
    return text.replace(/\r\n?/g, '\n');
  } catch {
    throw new ResourceLoadingError(
      `Unable to load paramfile (${filePath}), text contents could not be decoded.  If this is ` +
        'a binary file, please use the fileb:// prefix instead of the file:// prefix.',
    );
  }
}

/**
 * get_paramfile with the local prefixes: the contents for `file://` (string) or `fileb://`
 * (bytes), undefined for any other value. A failure is a ResourceLoadingError.
 */
export function getParamFile(
  value: unknown,
  io: ParamFileIo = {},
): string | Uint8Array | undefined {
  if (typeof value !== 'string') return undefined;
  const prefix = ['file://', 'fileb://'].find((candidate) => value.startsWith(candidate));
  if (prefix === undefined) return undefined;
  const env = io.env ?? process.env;
  const filePath = expandVars(expandUser(value.slice(prefix.length), env), env);
  let data: Uint8Array;
  try {
    data = (io.readFile ?? readFileSync)(filePath);
  } catch (error) {
    throw new ResourceLoadingError(
      `Unable to load paramfile ${value}: ${osErrorText(error, filePath)}`,
    );
  }
  return prefix === 'fileb://' ? new Uint8Array(data) : decodeText(data, filePath);
}
