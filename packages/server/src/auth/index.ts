/** @module SigV4 verification and the root credentials, exported by name. */
export { createAccessKeyLookup } from './access-key-lookup.js';
export type { AccessKeyLookupOptions } from './access-key-lookup.js';
export { resolveRootCredentials } from './root-credentials.js';
export type { ResolveRootCredentialsOptions, RootCredentials } from './root-credentials.js';
export type { IncomingSignedRequest } from './signed-request.js';
export { verifySigV4 } from './verify-sigv4.js';
export type { AccessKeySecret, LookupSecret } from './verify-sigv4.js';
