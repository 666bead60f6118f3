/**
 * Access keys between their record and their row.
 * @module
 */
import type { AccessKeyRecord } from '../../domain/records.js';
import type { AccessKeysTable } from '../schema.js';

/** The row that stores an access key. */
export function accessKeyToRow(key: AccessKeyRecord): AccessKeysTable {
  return {
    access_key_id: key.accessKeyId,
    secret_access_key: key.secretAccessKey,
    enabled: key.enabled ? 1 : 0,
    created_at: key.createdAt,
  };
}

/** The access key a row stores. */
export function accessKeyFromRow(row: AccessKeysTable): AccessKeyRecord {
  return {
    accessKeyId: row.access_key_id,
    secretAccessKey: row.secret_access_key,
    enabled: row.enabled !== 0,
    createdAt: row.created_at,
  };
}
