/**
 * Reads the root access key pinned by MAILPAT_ROOT_ACCESS_KEY_ID and _SECRET_ACCESS_KEY.
 * @module
 */
import {
  MIN_SECRET_LENGTH,
  ROOT_ACCESS_KEY_ID_ENV,
  ROOT_SECRET_ACCESS_KEY_ENV,
} from './constants.js';

/**
 * The root key pair pinned by the environment, if any; throws on half a pair, a malformed ID or
 * a short secret (loadServerConfig calls it before the database is opened, so a refusal leaves nothing).
 */
export function loadRootAccessKey(
  env: Readonly<Record<string, string | undefined>>,
): { accessKeyId: string; secretAccessKey: string } | undefined {
  const accessKeyId = env[ROOT_ACCESS_KEY_ID_ENV] || undefined;
  const secretAccessKey = env[ROOT_SECRET_ACCESS_KEY_ENV] || undefined;
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    throw new Error(
      `Set both ${ROOT_ACCESS_KEY_ID_ENV} and ${ROOT_SECRET_ACCESS_KEY_ENV}, or neither.`,
    );
  }
  if (!/^[A-Za-z0-9]+$/.test(accessKeyId)) {
    throw new Error(`${ROOT_ACCESS_KEY_ID_ENV} must consist of letters and digits only.`);
  }
  if (secretAccessKey.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `${ROOT_SECRET_ACCESS_KEY_ENV} must be at least ${MIN_SECRET_LENGTH} characters long.`,
    );
  }
  return { accessKeyId, secretAccessKey };
}
