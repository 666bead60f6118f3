/**
 * openid-client configurations for the stored providers, with each issuer's discovery document
 * and signing keys reused for a few minutes instead of fetched at every sign-in.
 * @module
 */
import {
  ClientSecretBasic,
  ClientSecretPost,
  Configuration,
  None,
  allowInsecureRequests,
  discovery,
  getJwksCache,
  setJwksCache,
} from 'openid-client';
import type { ExportedJWKSCache, ServerMetadata } from 'openid-client';
import { isLoopbackHttp } from '../../domain/oidc-issuer-url.js';
import type { OidcProviderRecord } from '../../domain/records.js';
import { DISCOVERY_CACHE_MS, PROVIDER_TIMEOUT_SECONDS } from './constants.js';

interface IssuerEntry {
  metadata: Promise<ServerMetadata>;
  fetchedAt: number;
  jwks?: ExportedJWKSCache;
}

/** One per server; entries live DISCOVERY_CACHE_MS, so a provider's key rotation is picked up. */
export class ProviderConfigurations {
  readonly #now: () => number;
  readonly #issuers = new Map<string, IssuerEntry>();

  constructor(now: () => number) {
    this.#now = now;
  }

  /** A configuration for `provider`'s client; rejects when its discovery fails. */
  async configurationFor(provider: OidcProviderRecord): Promise<Configuration> {
    const entry = this.#entryFor(provider.issuerUrl);
    const metadata = await entry.metadata;
    const config = new Configuration(
      metadata,
      provider.clientId,
      undefined,
      clientAuthentication(metadata, provider.clientSecret),
    );
    config.timeout = PROVIDER_TIMEOUT_SECONDS;
    if (isLoopbackHttp(new URL(provider.issuerUrl))) allowInsecureRequests(config);
    if (entry.jwks !== undefined) setJwksCache(config, entry.jwks);
    return config;
  }

  /** The origin of the issuer's authorization endpoint; rejects when its discovery fails. */
  async authorizationOrigin(issuerUrl: string): Promise<string> {
    const metadata = await this.#entryFor(issuerUrl).metadata;
    return new URL(metadata.authorization_endpoint ?? issuerUrl).origin;
  }

  /** Keeps the signing keys `config` fetched for the next sign-ins with the same issuer. */
  rememberKeys(issuerUrl: string, config: Configuration): void {
    const jwks = getJwksCache(config);
    const entry = this.#issuers.get(issuerUrl);
    if (jwks !== undefined && entry !== undefined) entry.jwks = jwks;
  }

  #entryFor(issuerUrl: string): IssuerEntry {
    const cached = this.#issuers.get(issuerUrl);
    if (cached !== undefined && this.#now() - cached.fetchedAt < DISCOVERY_CACHE_MS) return cached;
    const entry: IssuerEntry = { metadata: discover(issuerUrl), fetchedAt: this.#now() };
    // A failed discovery is not cached: the next sign-in asks the provider again.
    entry.metadata.catch(() => {
      if (this.#issuers.get(issuerUrl) === entry) this.#issuers.delete(issuerUrl);
    });
    this.#issuers.set(issuerUrl, entry);
    return entry;
  }
}

/** The issuer's metadata; openid-client checks that it names exactly `issuerUrl` as issuer. */
async function discover(issuerUrl: string): Promise<ServerMetadata> {
  const url = new URL(issuerUrl);
  const config = await discovery(url, 'discovery', undefined, None(), {
    execute: isLoopbackHttp(url) ? [allowInsecureRequests] : [],
    timeout: PROVIDER_TIMEOUT_SECONDS,
  });
  return config.serverMetadata();
}

/**
 * client_secret_basic unless the provider lists only client_secret_post: Basic is the default
 * an omitted token_endpoint_auth_methods_supported means (OpenID Connect Discovery 1.0 §3).
 */
function clientAuthentication(metadata: ServerMetadata, secret: string) {
  const supported = metadata.token_endpoint_auth_methods_supported;
  const postOnly =
    supported !== undefined &&
    !supported.includes('client_secret_basic') &&
    supported.includes('client_secret_post');
  return postOnly ? ClientSecretPost(secret) : ClientSecretBasic(secret);
}
