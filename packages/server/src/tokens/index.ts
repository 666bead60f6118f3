/**
 * Secrets, identifiers and NextTokens, exported by name.
 * @module
 */
export {
  BASE62_ALPHABET,
  NEXT_TOKEN_MAX_LENGTH,
  NEXT_TOKEN_TTL_MS,
  TOKEN_SECRET_PREFIX,
} from './constants.js';
export { generateOrganizationId, generateTokenId, generateUserId } from './identifiers.js';
export { createNextTokenCodec, generateNextTokenKey } from './next-token.js';
export type {
  NextTokenBinding,
  NextTokenCodec,
  NextTokenCodecOptions,
  NextTokenCursor,
} from './next-token.js';
export { generateTokenSecret, hasValidChecksum, hashTokenSecret } from './token-secret.js';
