/** @module @mailpat/client: placeholder until the client issue fills it. */

/** The package version, so the placeholder builds and can be imported. */
export const CLIENT_VERSION = '0.1.0';
