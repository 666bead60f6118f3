/**
 * openid-client configurations for the stored providers, with each issuer's discovery document
 * and signing keys reused for a few minutes instead of fetched at every sign-in.
 * @module
 */
import type * as OpenidClient from 'openid-client';
import type { Configuration, ExportedJWKSCache, ServerMetadata } from 'openid-client';
import { isLoopbackHttp } from '../../domain/oidc-issuer-url.js';
import type { OidcProviderRecord } from '../../domain/records.js';
import { DISCOVERY_CACHE_MS, PROVIDER_TIMEOUT_SECONDS } from './constants.js';
import { loadOpenidClient } from './load-openid-client.js';

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
    const oidc = await loadOpenidClient();
    const config = new oidc.Configuration(
      metadata,
      provider.clientId,
      undefined,
      clientAuthentication(oidc, metadata, provider.clientSecret),
    );
    config.timeout = PROVIDER_TIMEOUT_SECONDS;
    if (isLoopbackHttp(new URL(provider.issuerUrl))) oidc.allowInsecureRequests(config);
    if (entry.jwks !== undefined) oidc.setJwksCache(config, entry.jwks);
    return config;
  }

  /** The origin of the issuer's authorization endpoint; rejects when its discovery fails. */
  async authorizationOrigin(issuerUrl: string): Promise<string> {
    const metadata = await this.#entryFor(issuerUrl).metadata;
    return new URL(metadata.authorization_endpoint ?? issuerUrl).origin;
  }

  /** Keeps the signing keys a configuration fetched (getJwksCache) for the next sign-ins. */
  rememberKeys(issuerUrl: string, jwks: ExportedJWKSCache | undefined): void {
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
  const oidc = await loadOpenidClient();
  const config = await oidc.discovery(url, 'discovery', undefined, oidc.None(), {
    execute: isLoopbackHttp(url) ? [oidc.allowInsecureRequests] : [],
    timeout: PROVIDER_TIMEOUT_SECONDS,
  });
  return config.serverMetadata();
}

/**
 * client_secret_basic unless the provider lists only client_secret_post: Basic is the default
 * an omitted token_endpoint_auth_methods_supported means (OpenID Connect Discovery 1.0 §3).
 */
function clientAuthentication(oidc: typeof OpenidClient, metadata: ServerMetadata, secret: string) {
  const supported = metadata.token_endpoint_auth_methods_supported;
  const postOnly =
    supported !== undefined &&
    !supported.includes('client_secret_basic') &&
    supported.includes('client_secret_post');
  return postOnly ? oidc.ClientSecretPost(secret) : oidc.ClientSecretBasic(secret);
}
