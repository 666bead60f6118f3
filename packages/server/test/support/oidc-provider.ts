/**
 * Runs a real OpenID provider (the certified `oidc-provider` package) in-process on a loopback
 * port over http, for single sign-on tests. Codes, tokens, signatures and PKCE are the real
 * provider's; only the login page is replaced: the account the test chose is signed in and
 * consents at once, so a browser or fetch just follows redirects.
 * @module
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';

/** An account the provider knows. Claims left out are absent from its tokens and userinfo. */
export interface OidcTestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
}

export interface OidcProviderOptions {
  /** The one confidential client (client_secret_basic or client_secret_post, PKCE required). */
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accounts: OidcTestAccount[];
  /**
   * Put the email claims into the ID token as well (as Google or Keycloak do). Off: the
   * provider's default, which gives them only at the userinfo endpoint when an access token
   * is issued.
   */
  emailInIdToken?: boolean;
}

export interface RunningOidcProvider {
  /** `http://127.0.0.1:PORT`, the issuer identifier. */
  issuer: string;
  /**
   * The account the next authorization signs in as. Without one the provider answers the
   * authorization with `error=access_denied` at the redirect URI.
   */
  setNextLogin(sub: string): void;
  stop(): Promise<void>;
}

/** Starts the provider; it listens before this resolves. */
export async function startOidcProvider(
  options: OidcProviderOptions,
): Promise<RunningOidcProvider> {
  let nextLogin: string | undefined;
  // The issuer names the port, so the provider is made once the server listens.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, configuration(options));
  const handleProtocol = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) void finishInteraction(req, res);
    else void handleProtocol(req, res);
  });

  async function finishInteraction(req: IncomingMessage, res: ServerResponse) {
    try {
      await provider.interactionDetails(req, res);
      const accountId = nextLogin;
      nextLogin = undefined;
      const result =
        accountId === undefined
          ? { error: 'access_denied', error_description: 'No test login was selected.' }
          : { login: { accountId } };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  }

  return {
    issuer,
    setNextLogin(sub: string) {
      nextLogin = sub;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function configuration(options: OidcProviderOptions): Configuration {
  const accounts = new Map(options.accounts.map((account) => [account.sub, account]));
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signingKey.export({ format: 'jwk' }), kid: 'test', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: options.emailInIdToken !== true,
    pkce: { required: () => true },
    // Explicit lifetimes (seconds), which also keeps the provider from noticing the defaults.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: false } },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: () => ({ ...account }) };
    },
    // Consent is given as the account signs in: a grant of everything the client asks for.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (accountId === undefined || client === undefined) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: client.clientId });
      grant.addOIDCScope([...(ctx.oidc.requestParamScopes ?? [])].join(' '));
      await grant.save();
      return grant;
    },
  };
}
