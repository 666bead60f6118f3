/**
 * Formats of the secrets and identifiers mailpat mints, and of its NextTokens.
 * @module
 */

/** Digits first, then upper, then lower case: the order GitHub-style checksums use. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Every PAT secret starts with this, so secret scanners can find them. */
export const TOKEN_SECRET_PREFIX = 'mpat_';
/** Random base62 characters in a new secret: 33 x log2(62) = 196 bits. */
export const TOKEN_SECRET_RANDOM_LENGTH = 33;
/** Fewest random characters a secret may have to be recognised (the contract's floor). */
export const TOKEN_SECRET_MIN_RANDOM_LENGTH = 32;
/** Most random characters a recognised secret may have; longer strings are not ours. */
export const TOKEN_SECRET_MAX_RANDOM_LENGTH = 128;
/** Base62 CRC32 of everything before it; 62^6 > 2^32, so six characters always suffice. */
export const TOKEN_SECRET_CHECKSUM_LENGTH = 6;

/** PersonalAccessTokenId: the prefix, then lowercase base36 randomness (26 x 5.17 = 134 bits). */
export const TOKEN_ID_PREFIX = 'pat-';
export const TOKEN_ID_RANDOM_LENGTH = 26;
export const TOKEN_ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** OrganizationId: `m-` and 32 lowercase hex digits, as the model's pattern requires. */
export const ORGANIZATION_ID_PREFIX = 'm-';
export const ORGANIZATION_ID_RANDOM_BYTES = 16;

/** NextToken layout version; a token of any other version is invalid. */
export const NEXT_TOKEN_VERSION = 1;
/** NextTokens expire this long after they were issued (contract: 24 hours). */
export const NEXT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** How far in the future an issue time may lie (clock skew between instances). */
export const NEXT_TOKEN_MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The model's NextToken max length; the contract promises no longer token. */
export const NEXT_TOKEN_MAX_LENGTH = 1024;
/** Bytes of the HMAC key generateNextTokenKey makes, and the fewest the codec accepts. */
export const NEXT_TOKEN_KEY_BYTES = 32;
export const NEXT_TOKEN_MIN_KEY_BYTES = 16;
