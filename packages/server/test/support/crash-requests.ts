/**
 * The requests of a crash test that may meet a killed server: each resolves with undefined
 * when the connection failed or was cut, instead of throwing.
 * @module
 */
import type { TokenSummary } from './crash-ledger.js';
import { WM } from './fixtures.js';
import { introspect } from './introspect.js';
import type { MailpatProcess } from './mailpat-process.js';
import { sendSigned } from './signed-request.js';
import type { RawResponse } from './signed-request.js';

/** The State DescribeUser gives for `userId`; undefined without an answer. */
export async function tryDescribeUserState(
  server: MailpatProcess,
  organizationId: string,
  userId: string,
): Promise<string | undefined> {
  const response = await trySend(server, WM('DescribeUser'), {
    OrganizationId: organizationId,
    UserId: userId,
  });
  if (response === undefined) return undefined;
  if (response.status !== 200) throw new Error(`DescribeUser ${userId}: ${response.text}`);
  return response.body.State as string;
}

/** Every token summary the listing gives for `input`, all pages; undefined without an answer. */
export async function tryListAll(
  server: MailpatProcess,
  input: Record<string, unknown>,
): Promise<TokenSummary[] | undefined> {
  const all: TokenSummary[] = [];
  let NextToken: string | undefined;
  do {
    const page = await trySend(server, WM('ListPersonalAccessTokens'), {
      ...input,
      ...(NextToken === undefined ? {} : { NextToken }),
    });
    if (page === undefined) return undefined;
    if (page.status !== 200) throw new Error(`ListPersonalAccessTokens: ${page.text}`);
    const body = page.body as { PersonalAccessTokenSummaries: TokenSummary[]; NextToken?: string };
    all.push(...body.PersonalAccessTokenSummaries);
    NextToken = body.NextToken;
  } while (NextToken !== undefined);
  return all;
}

/** Whether `secret` authenticates (introspection `active`); undefined without an answer. */
export async function tryIntrospect(
  server: MailpatProcess,
  basic: string,
  secret: string,
): Promise<boolean | undefined> {
  try {
    const answer = await introspect(server, new URLSearchParams({ token: secret }).toString(), {
      basic,
    });
    if (answer.status !== 200) throw new Error(`introspection answered ${answer.status}`);
    return answer.body.active === true;
  } catch (error) {
    if (noAnswerOf(error) !== undefined) return undefined;
    throw error;
  }
}

/** Why a request got no answer: its connection was refused (nothing was sent) or cut. */
export type NoAnswer = 'refused' | 'cut';

/** Sends a signed request; when the server gave no answer (it was killed), says why. */
export async function sendOrExplain(
  server: MailpatProcess,
  target: string,
  input: unknown,
): Promise<RawResponse | NoAnswer> {
  try {
    return await sendSigned(server, target, input);
  } catch (error) {
    const why = noAnswerOf(error);
    if (why === undefined) throw error;
    return why;
  }
}

/** Sends a signed request; undefined when the server gave no answer (it was killed). */
export async function trySend(
  server: MailpatProcess,
  target: string,
  input: unknown,
): Promise<RawResponse | undefined> {
  const response = await sendOrExplain(server, target, input);
  return typeof response === 'string' ? undefined : response;
}

/** Why `error` means no answer (fetch or node:http), or undefined when it means something else. */
function noAnswerOf(error: unknown): NoAnswer | undefined {
  const code =
    (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'cut';
  // fetch: 'fetch failed' before the answer, 'terminated' when the body was cut off.
  if (error instanceof TypeError && /^(fetch failed|terminated)$/.test(error.message)) return 'cut';
  return undefined;
}
