/**
 * The permissions of what mailpat keeps on disk: secrets are its owner's alone.
 * @module
 */

/** Files holding secrets: the database (root secret, NextToken key) and `credentials`. */
export const OWNER_ONLY_FILE_MODE = 0o600;
/** The data directory, and any directory mailpat creates for its files. */
export const OWNER_ONLY_DIRECTORY_MODE = 0o700;
/** The sticky bit: set on shared directories such as /tmp, which must never be tightened. */
export const STICKY_BIT = 0o1000;
