/**
 * The live organizations, users, tokens and NextTokens that generated requests refer to, read
 * through the admin API.
 * @module
 */
import type { SigningTarget } from '../signed-request.js';
import { call } from '../signed-request.js';

export interface WorldOrganization {
  id: string;
  alias: string;
  users: { id: string; name: string }[];
  tokens: string[];
}

export interface FuzzWorld {
  orgs: WorldOrganization[];
  /** NextTokens the server issued (first pages of every listing), for valid and reused cursors. */
  nextTokens: string[];
}

const WM = (op: string) => `WorkMailService.${op}`;

/** Reads the world: every Active organization with its users, tokens and first-page cursors. */
export async function loadWorld(server: SigningTarget): Promise<FuzzWorld> {
  const summaries = await listAll(server, WM('ListOrganizations'), {}, 'OrganizationSummaries');
  const active = summaries.filter((summary) => summary.State === 'Active');
  const loaded = await Promise.all(active.map((summary) => loadOrganization(server, summary)));
  const cursors = await firstCursor(server, WM('ListOrganizations'), {});
  return {
    orgs: loaded.map(({ org }) => org),
    nextTokens: [...loaded.flatMap(({ nextTokens }) => nextTokens), ...cursors],
  };
}

async function loadOrganization(
  server: SigningTarget,
  summary: Record<string, unknown>,
): Promise<{ org: WorldOrganization; nextTokens: string[] }> {
  const OrganizationId = summary.OrganizationId as string;
  const input = { OrganizationId };
  const [users, tokens, ...cursors] = await Promise.all([
    listAll(server, WM('ListUsers'), input, 'Users'),
    listAll(server, WM('ListPersonalAccessTokens'), input, 'PersonalAccessTokenSummaries'),
    firstCursor(server, WM('ListUsers'), input),
    firstCursor(server, WM('ListPersonalAccessTokens'), input),
    firstCursor(server, 'MailpatService.ListPersonalAccessTokenEvents', input),
  ]);
  const org = {
    id: OrganizationId,
    alias: summary.Alias as string,
    users: (users as Record<string, unknown>[])
      .filter((user) => user.State !== 'DELETED')
      .map((user) => ({ id: user.Id as string, name: user.Name as string })),
    tokens: (tokens as Record<string, unknown>[]).map(
      (token) => token.PersonalAccessTokenId as string,
    ),
  };
  return { org, nextTokens: (cursors as string[][]).flat() };
}

async function listAll(
  server: SigningTarget,
  target: string,
  input: Record<string, unknown>,
  key: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let NextToken: string | undefined;
  do {
    const page = await call(server, target, { ...input, MaxResults: 100, NextToken });
    items.push(...(page[key] as Record<string, unknown>[]));
    NextToken = page.NextToken as string | undefined;
  } while (NextToken);
  return items;
}

async function firstCursor(
  server: SigningTarget,
  target: string,
  input: Record<string, unknown>,
): Promise<string[]> {
  const page = await call(server, target, { ...input, MaxResults: 1 });
  return typeof page.NextToken === 'string' ? [page.NextToken] : [];
}
