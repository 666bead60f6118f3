/**
 * Identifiers of the entities mailpat creates, in the formats the WorkMail model allows.
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  ORGANIZATION_ID_PREFIX,
  ORGANIZATION_ID_RANDOM_BYTES,
  TOKEN_ID_ALPHABET,
  TOKEN_ID_PREFIX,
  TOKEN_ID_RANDOM_LENGTH,
} from './constants.js';
import { randomString } from './random-string.js';

/** A PersonalAccessTokenId: `pat-` + 26 lowercase base36 characters (fits `[a-zA-Z0-9_-]{1,64}`). */
export function generateTokenId(): string {
  return TOKEN_ID_PREFIX + randomString(TOKEN_ID_ALPHABET, TOKEN_ID_RANDOM_LENGTH);
}

/** An OrganizationId: `m-` + 32 lowercase hex digits (the model's `^m-[0-9a-f]{32}$`). */
export function generateOrganizationId(): string {
  return ORGANIZATION_ID_PREFIX + randomBytes(ORGANIZATION_ID_RANDOM_BYTES).toString('hex');
}

/** A user ID as WorkMail makes them: a random UUID (a WorkMailIdentifier, 12..256 characters). */
export function generateUserId(): string {
  return randomUUID();
}
