/**
 * The web app's router: every path under /account/ (see the route table in webapp-spec.md),
 * the Origin check of every POST, the session of pages that need one, and the one place errors
 * become error pages.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE, SIGN_IN_PATH } from './constants.js';
import { requireSameOrigin } from './csrf/csrf-checks.js';
import { cookieName, readCookies } from './http/cookies.js';
import { sendPage, redirect } from './http/respond.js';
import { serveAsset } from './http/serve-asset.js';
import { MethodNotAllowedError, PageNotFoundError, WebError } from './http/web-errors.js';
import { renderErrorPage } from './pages/index.js';
import { showSignIn, submitSignIn, submitSignOut } from './sign-in/sign-in-routes.js';
import { handleSingleSignOnCallback, submitSingleSignOn } from './sign-in/single-sign-on-routes.js';
import {
  showConfirm,
  showCreateForm,
  showTokenList,
  submitCreate,
  submitRevoke,
  submitRotate,
} from './tokens/token-routes.js';
import { cookiePolicyOf } from './web-dependencies.js';
import type { SignedInRequest, WebDependencies, WebRequest } from './web-dependencies.js';

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** 'session': without a valid session the browser is sent to the sign-in page. */
  needs: 'nothing' | 'session';
  handle: (request: never) => Promise<void>;
}

const TOKEN_ID = '(?<id>[^/]+)';

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/account\/$/, needs: 'session', handle: showTokenList },
  { method: 'GET', pattern: /^\/account\/sign-in$/, needs: 'nothing', handle: showSignIn },
  { method: 'POST', pattern: /^\/account\/sign-in$/, needs: 'nothing', handle: submitSignIn },
  {
    method: 'POST',
    pattern: /^\/account\/sign-in\/sso$/,
    needs: 'nothing',
    handle: submitSingleSignOn,
  },
  {
    method: 'GET',
    pattern: /^\/account\/sso\/callback$/,
    needs: 'nothing',
    handle: handleSingleSignOnCallback,
  },
  { method: 'POST', pattern: /^\/account\/sign-out$/, needs: 'session', handle: submitSignOut },
  { method: 'GET', pattern: /^\/account\/tokens\/new$/, needs: 'session', handle: showCreateForm },
  { method: 'POST', pattern: /^\/account\/tokens$/, needs: 'session', handle: submitCreate },
  {
    method: 'GET',
    pattern: new RegExp(`^/account/tokens/${TOKEN_ID}/rotate$`),
    needs: 'session',
    handle: (request: SignedInRequest) => showConfirm(request, 'rotate'),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/account/tokens/${TOKEN_ID}/rotate$`),
    needs: 'session',
    handle: submitRotate,
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/account/tokens/${TOKEN_ID}/revoke$`),
    needs: 'session',
    handle: (request: SignedInRequest) => showConfirm(request, 'revoke'),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/account/tokens/${TOKEN_ID}/revoke$`),
    needs: 'session',
    handle: submitRevoke,
  },
  {
    method: 'GET',
    pattern: /^\/account\/assets\/(?<id>[^/]+)$/,
    needs: 'nothing',
    handle: (request: WebRequest) =>
      serveAsset(request.req, request.res, request.params.id!, request.deps.assetsDir),
  },
];

/** Serves one request under /account/; never rejects (failures become error pages). */
export async function handleWebRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: WebDependencies,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const request: WebRequest = {
    req,
    res,
    deps,
    path: url.pathname,
    query: url.searchParams,
    cookies: readCookies(req),
    cookiePolicy: cookiePolicyOf(deps),
    params: {},
  };
  try {
    await route(request);
  } catch (error) {
    if (req.method === 'POST' && !req.readableEnded) req.resume();
    sendErrorPage(request, error);
  }
}

async function route(request: WebRequest): Promise<void> {
  const { req, deps } = request;
  const matches = ROUTES.filter((r) => r.pattern.test(request.path));
  const chosen = matches.find((r) => r.method === req.method);
  if (!chosen) {
    req.resume();
    if (matches.length === 0) throw new PageNotFoundError();
    throw new MethodNotAllowedError(matches.map((r) => r.method).join(', '));
  }
  request.params = decodeParams(chosen.pattern.exec(request.path)?.groups);
  if (req.method === 'POST')
    requireSameOrigin(req, { tls: deps.tls, publicUrl: deps.settings.publicUrl });
  if (chosen.needs === 'nothing')
    return (chosen.handle as (r: WebRequest) => Promise<void>)(request);
  const secret = request.cookies.get(cookieName(SESSION_COOKIE, request.cookiePolicy));
  const signedIn = await deps.sessions.resolve(secret);
  if (!signedIn) {
    req.resume();
    return redirect(request.res, SIGN_IN_PATH);
  }
  return (chosen.handle as (r: SignedInRequest) => Promise<void>)({ ...request, signedIn });
}

function decodeParams(groups: Record<string, string> | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups ?? {})) {
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      throw new PageNotFoundError();
    }
  }
  return params;
}

function sendErrorPage(request: WebRequest, error: unknown): void {
  const { res, deps } = request;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const known = error instanceof WebError ? error : undefined;
  if (!known) deps.log.error(`web: ${request.req.method} ${request.path} failed`, error);
  const status = known?.status ?? 500;
  const html = renderErrorPage({
    status,
    title: known?.title ?? 'Something went wrong',
    message: known?.message ?? 'The server could not complete the request. Try again later.',
  });
  if (error instanceof MethodNotAllowedError) res.setHeader('Allow', error.allowed);
  sendPage(res, status, html);
}
