/**
 * What the web app needs, built once per server, and what each request handler gets.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSettings } from '../config/web-settings.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { CookiePolicy } from './http/cookies.js';
import type { SignedInUser } from './pages/index.js';
import type { ActiveSession, WebSessionService } from './sessions/session-service.js';
import type { SignInGuard } from './sign-in/sign-in-guard.js';
import type { SingleSignOn } from './single-sign-on/index.js';

/** One per server. */
export interface WebDependencies {
  store: Store;
  clock: Clock;
  sessions: WebSessionService;
  signInGuard: SignInGuard;
  /** The OpenID Connect relying party of every organization with a provider. */
  singleSignOn: SingleSignOn;
  settings: WebSettings;
  /** True when the server itself serves HTTPS. */
  tls: boolean;
  log: Logger;
  /** Where app.css and app.js are read from; packages/server/assets by default. */
  assetsDir?: string;
}

/** One request, as every handler sees it. */
export interface WebRequest {
  req: IncomingMessage;
  res: ServerResponse;
  deps: WebDependencies;
  path: string;
  query: URLSearchParams;
  cookies: Map<string, string>;
  cookiePolicy: CookiePolicy;
  /** Path parameters (`:id`). */
  params: Record<string, string>;
}

/** A request with a valid session. */
export interface SignedInRequest extends WebRequest {
  signedIn: ActiveSession;
}

/** The cookie flags of this server: Secure and `__Host-` under TLS or an https public URL. */
export function cookiePolicyOf(deps: Pick<WebDependencies, 'tls' | 'settings'>): CookiePolicy {
  return { secure: deps.tls || deps.settings.publicUrl?.protocol === 'https:' };
}

/** What the pages show of the signed-in user. */
export function signedInUserOf({ signedIn }: SignedInRequest): SignedInUser {
  return {
    email: signedIn.user.email ?? signedIn.user.name,
    displayName: signedIn.user.displayName,
  };
}
