/**
 * Single sign-on with OpenID Connect: the relying party that sends a browser to the
 * organization's provider (authorization code with PKCE, state and nonce) and turns the
 * provider's answer into a verified email address.
 * @module
 */
import type { Configuration, IDToken, UserInfoResponse } from 'openid-client';
import type { OidcLoginStateRecord, OidcProviderRecord } from '../../domain/records.js';
import { deleteInBatches } from '../../background/periodic-job.js';
import type { Store } from '../../storage/store.js';
import { LOGIN_STATE_LIFETIME_MS, PRUNE_BATCH_SIZE, SCOPE } from './constants.js';
import { loadOpenidClient } from './load-openid-client.js';
import { ProviderConfigurations } from './provider-configurations.js';
import { SingleSignOnError } from './single-sign-on-error.js';
import type { SingleSignOnFailure } from './single-sign-on-error.js';

export interface SingleSignOnOptions {
  store: Store;
  /**
   * The redirect URI registered at every provider (`.../account/sso/callback`); a function when
   * it is known only once the server listens (no MAILPAT_PUBLIC_URL, port 0).
   */
  redirectUri: string | (() => string);
  /** Epoch ms; login state expiry and the discovery cache count with it. */
  now?: () => number;
}

/** One per server: it caches each issuer's discovery document and keys. */
export class SingleSignOn {
  readonly #store: Store;
  readonly #redirectUri: () => string;
  readonly #now: () => number;
  readonly #configurations: ProviderConfigurations;

  constructor(options: SingleSignOnOptions) {
    this.#store = options.store;
    const { redirectUri } = options;
    this.#redirectUri = typeof redirectUri === 'string' ? () => redirectUri : redirectUri;
    this.#now = options.now ?? Date.now;
    this.#configurations = new ProviderConfigurations(this.#now);
  }

  /** Stores a login state (PKCE verifier, nonce; expires after 10 min) and returns where to send the browser. */
  async begin(organizationId: string): Promise<{ authorizationUrl: string; state: string }> {
    const provider = await this.#requireProvider(organizationId);
    const config = await this.#configurationFor(provider);
    const oidc = await loadOpenidClient();
    const login: OidcLoginStateRecord = {
      state: oidc.randomState(),
      organizationId,
      codeVerifier: oidc.randomPKCECodeVerifier(),
      nonce: oidc.randomNonce(),
      createdAt: this.#now(),
    };
    await this.#store.insertOidcLoginState(login);
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#redirectUri(),
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    });
    return { authorizationUrl: authorizationUrl.href, state: login.state };
  }

  /**
   * Takes the state (single use), exchanges the code, checks the ID token (signature, nonce,
   * issuer, audience) and returns the verified email. `expectedState` is what this browser was
   * given by `begin` (e.g. from a cookie); every refusal is a SingleSignOnError.
   */
  async complete(
    callbackUrl: URL,
    expectedState: string,
  ): Promise<{ organizationId: string; email: string }> {
    const state = callbackUrl.searchParams.get('state');
    // Checked before the state is taken: a callback planted in another browser cannot use it up.
    if (state === null || expectedState === '' || state !== expectedState) {
      throw new SingleSignOnError('state-mismatch');
    }
    const login = await this.#takeLoginState(state);
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError !== null) {
      throw new SingleSignOnError('provider-refused', { cause: new Error(providerError) });
    }
    const provider = await this.#requireProvider(login.organizationId);
    const config = await this.#configurationFor(provider);
    const claims = await this.#exchangeCode(config, provider, callbackUrl, login);
    // Amazon Cognito's userinfo spells the boolean as the string "true".
    const verified = claims.email_verified === true || claims.email_verified === 'true';
    if (typeof claims.email !== 'string' || claims.email === '' || !verified) {
      throw new SingleSignOnError('email-not-verified');
    }
    return { organizationId: login.organizationId, email: claims.email };
  }

  /**
   * The origins the sign-in page's `form-action` must allow: the browser follows the form's 303
   * to each provider's authorization endpoint (from the cached discovery), or to its issuer's
   * origin when the provider cannot be reached now.
   */
  async formActionOrigins(providers: readonly OidcProviderRecord[]): Promise<string[]> {
    const origins = await Promise.all(
      providers.map((provider) =>
        this.#configurations
          .authorizationOrigin(provider.issuerUrl)
          .catch(() => new URL(provider.issuerUrl).origin),
      ),
    );
    return [...new Set(origins)];
  }

  /**
   * Deletes login states older than their lifetime, in batches; returns how many went. For the
   * periodic session cleanup: abandoned sign-ins leave one row each.
   */
  pruneLoginStates(): Promise<number> {
    const before = this.#now() - LOGIN_STATE_LIFETIME_MS;
    return deleteInBatches(
      (limit) => this.#store.deleteOidcLoginStatesBefore(before, limit),
      PRUNE_BATCH_SIZE,
    );
  }

  async #requireProvider(organizationId: string): Promise<OidcProviderRecord> {
    const provider = await this.#store.getOidcProvider(organizationId);
    if (provider === undefined) throw new SingleSignOnError('not-configured');
    return provider;
  }

  async #configurationFor(provider: OidcProviderRecord): Promise<Configuration> {
    try {
      return await this.#configurations.configurationFor(provider);
    } catch (error) {
      throw new SingleSignOnError('provider-unavailable', { cause: error });
    }
  }

  async #takeLoginState(state: string): Promise<OidcLoginStateRecord> {
    const login = await this.#store.takeOidcLoginState(state);
    if (login === undefined) throw new SingleSignOnError('unknown-state');
    if (this.#now() - login.createdAt > LOGIN_STATE_LIFETIME_MS) {
      throw new SingleSignOnError('expired-state');
    }
    return login;
  }

  /** The ID token's claims, completed from userinfo when the ID token leaves the email out. */
  async #exchangeCode(
    config: Configuration,
    provider: OidcProviderRecord,
    callbackUrl: URL,
    login: OidcLoginStateRecord,
  ): Promise<IDToken | UserInfoResponse> {
    // The token request's redirect_uri must equal the authorization request's, whatever host
    // name the callback request arrived with (a reverse proxy, 127.0.0.1 against localhost).
    const currentUrl = new URL(this.#redirectUri());
    currentUrl.search = callbackUrl.search;
    try {
      const oidc = await loadOpenidClient();
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      this.#configurations.rememberKeys(provider.issuerUrl, oidc.getJwksCache(config));
      const claims = tokens.claims()!;
      if (claims.email !== undefined) return claims;
      return await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    } catch (error) {
      throw new SingleSignOnError(classifyFailure(error), { cause: error });
    }
  }
}

/** A provider that cannot be reached, or one whose answer fails a check. */
function classifyFailure(error: unknown): SingleSignOnFailure {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    // fetch() rejects with a TypeError when it cannot connect; a timeout aborts it.
    if (e instanceof TypeError && e.message === 'fetch failed') return 'provider-unavailable';
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'provider-unavailable';
  }
  return 'invalid-response';
}
