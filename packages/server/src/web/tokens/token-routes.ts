/**
 * The token pages: the list, the create form, the rotate and revoke confirmations, and their
 * POSTs. Every handler acts for the signed-in user only.
 * @module
 */
import type { PatConfiguration } from '../../domain/records.js';
import { UserNotEnabledError } from '../../storage/storage-errors.js';
import { ACCOUNT_PATH } from '../constants.js';
import { requireSessionCsrf } from '../csrf/csrf-checks.js';
import { readForm } from '../http/read-form.js';
import { redirect, sendPage } from '../http/respond.js';
import { WebError } from '../http/web-errors.js';
import {
  renderConfirmPage,
  renderCreateTokenPage,
  renderNewSecretPage,
  renderTokenListPage,
} from '../pages/index.js';
import type { CreateTokenErrors, CreateTokenValues } from '../pages/index.js';
import { confirmPassword } from '../sessions/reauthenticate.js';
import { signedInUserOf } from '../web-dependencies.js';
import type { SignedInRequest } from '../web-dependencies.js';
import {
  checkCreateTokenForm,
  defaultCreateTokenValues,
  isValidCreateTokenForm,
} from './create-token-form.js';
import { mailSettingsFor } from './mail-settings.js';
import {
  createOwnToken,
  encodePageCursor,
  listOwnTokens,
  requireOwnToken,
  revokeOwnToken,
  rotateOwnToken,
} from './own-tokens.js';
import { listTokenActivity } from './token-activity.js';
import { TOKENS_OFF_MESSAGE, toPolicyView, toTokenView } from './token-views.js';

/** GET /account/: the user's tokens, 50 a page, and their recent activity. */
export async function showTokenList(request: SignedInRequest): Promise<void> {
  const { deps, signedIn } = request;
  const page = await listOwnTokens(deps.store, signedIn.user, request.query.get('after'));
  const last = page.items.at(-1);
  const policy = toPolicyView(signedIn.organization);
  const html = renderTokenListPage({
    ...commonOf(request),
    policy,
    tokens: page.items.map(toTokenView),
    ...(page.hasMore && last
      ? { nextPageUrl: `${ACCOUNT_PATH}?${new URLSearchParams({ after: encodePageCursor(last) })}` }
      : {}),
    activity: await listTokenActivity(deps.store, signedIn.organization, signedIn.user),
    ...(policy.active ? {} : { notice: TOKENS_OFF_MESSAGE }),
    needsPassword: deps.sessions.needsPassword(signedIn.session),
  });
  sendPage(request.res, 200, html);
}

/** GET /account/tokens/new. */
export function showCreateForm(request: SignedInRequest): Promise<void> {
  const { organization } = request.signedIn;
  const values = defaultCreateTokenValues(organization.patConfiguration, Date.now());
  const policy = activePolicyOf(request);
  sendCreateForm(request, policy ? 200 : 409, values, policy ? {} : { form: TOKENS_OFF_MESSAGE });
  return Promise.resolve();
}

/** POST /account/tokens: 200 with the one-time secret, or the form again with its errors. */
export async function submitCreate(request: SignedInRequest): Promise<void> {
  const { deps, signedIn } = request;
  const form = await readForm(request.req);
  requireSessionCsrf(form, signedIn.session);
  const policy = activePolicyOf(request);
  if (!policy) {
    const values = defaultCreateTokenValues(null, Date.now());
    return sendCreateForm(request, 409, values, { form: TOKENS_OFF_MESSAGE });
  }
  const ids = { organizationId: signedIn.organization.id, userId: signedIn.user.id };
  const checked = checkCreateTokenForm(form, ids, policy, Date.now());
  if (!isValidCreateTokenForm(checked.errors))
    return sendCreateForm(request, 400, checked.values, checked.errors);
  const passwordError = await confirmPassword(request, form);
  if (passwordError !== undefined) {
    return sendCreateForm(request, 400, checked.values, { password: passwordError });
  }
  const { token, secret } = await createOwnToken(deps, signedIn.user, policy, {
    name: checked.values.name,
    scopes: checked.values.scopes,
    expiresInDays: checked.expiresInDays,
  }).catch(refuseDisabledUser);
  sendNewSecret(request, token, secret, false);
}

/** GET /account/tokens/:id/rotate and /revoke: the confirmation page (the no-JS path). */
export async function showConfirm(
  request: SignedInRequest,
  action: 'rotate' | 'revoke',
): Promise<void> {
  const token = await requireOwnToken(
    request.deps.store,
    request.signedIn.user,
    request.params.id!,
  );
  const html = renderConfirmPage({
    ...commonOf(request),
    action,
    token: toTokenView(token),
    needsPassword:
      action === 'rotate' && request.deps.sessions.needsPassword(request.signedIn.session),
  });
  sendPage(request.res, 200, html);
}

/** POST /account/tokens/:id/rotate: 200 with the new one-time secret. */
export async function submitRotate(request: SignedInRequest): Promise<void> {
  const { deps, signedIn } = request;
  const form = await readForm(request.req);
  requireSessionCsrf(form, signedIn.session);
  const token = await requireOwnToken(deps.store, signedIn.user, request.params.id!);
  const refuse = (status: number, error: string) =>
    sendPage(
      request.res,
      status,
      renderConfirmPage({
        ...commonOf(request),
        action: 'rotate',
        token: toTokenView(token),
        needsPassword: deps.sessions.needsPassword(signedIn.session),
        error,
      }),
    );
  const policy = activePolicyOf(request);
  if (!policy) return refuse(409, TOKENS_OFF_MESSAGE);
  const passwordError = await confirmPassword(request, form);
  if (passwordError !== undefined) return refuse(400, passwordError);
  const rotated = await rotateOwnToken(deps, token, policy);
  sendNewSecret(request, rotated.token, rotated.secret, true);
}

/** POST /account/tokens/:id/revoke: 303 back to the list. */
export async function submitRevoke(request: SignedInRequest): Promise<void> {
  const { deps, signedIn } = request;
  const form = await readForm(request.req);
  requireSessionCsrf(form, signedIn.session);
  const token = await requireOwnToken(deps.store, signedIn.user, request.params.id!);
  await revokeOwnToken(deps, token);
  redirect(request.res, ACCOUNT_PATH);
}

function commonOf(request: SignedInRequest) {
  return {
    user: signedInUserOf(request),
    csrfToken: request.signedIn.session.csrfToken,
    now: Date.now(),
  };
}

function activePolicyOf(request: SignedInRequest): PatConfiguration | undefined {
  const policy = request.signedIn.organization.patConfiguration;
  return policy?.status === 'ACTIVE' ? policy : undefined;
}

function sendCreateForm(
  request: SignedInRequest,
  status: number,
  values: CreateTokenValues,
  errors: CreateTokenErrors,
): void {
  const html = renderCreateTokenPage({
    ...commonOf(request),
    policy: toPolicyView(request.signedIn.organization),
    values,
    errors,
    needsPassword: request.deps.sessions.needsPassword(request.signedIn.session),
  });
  sendPage(request.res, status, html);
}

function sendNewSecret(
  request: SignedInRequest,
  token: Parameters<typeof toTokenView>[0],
  secret: string,
  rotated: boolean,
): void {
  const email = request.signedIn.user.email ?? request.signedIn.user.name;
  const html = renderNewSecretPage({
    ...commonOf(request),
    token: toTokenView(token),
    secret,
    rotated,
    mail: mailSettingsFor(request.deps.settings, request.req, email),
  });
  sendPage(request.res, 200, html);
}

/** The user was disabled between the session check and the write: nothing was created. */
function refuseDisabledUser(error: unknown): never {
  if (error instanceof UserNotEnabledError) {
    throw new WebError(409, 'Account disabled', 'Your account is no longer enabled.');
  }
  throw error;
}
