/**
 * The import's report: per user, the old and new user IDs, what happened, and the tokens the
 * user must re-create (metadata only) on the account page. Never a secret.
 * @module
 */
import type { SourceSnapshot, TokenSnapshot } from './import-snapshot.js';
import type { ImportPlan, UserOutcome } from './import-plan.js';

/** Said of every imported user: WorkMail never lets a password out. */
export const PASSWORD_NOT_IMPORTED =
  'not imported (WorkMail cannot export passwords): set one with `mailpat workmail reset-password`, ' +
  'or the user signs in with single sign-on';

/** One token to re-create. */
export interface ReportToken {
  PersonalAccessTokenId: string;
  Name: string;
  Scopes: string[];
  DateCreated?: string;
  DateLastUsed?: string;
  ExpiresTime?: string;
}

/** One source user. */
export interface ReportUser {
  Name: string;
  Email?: string;
  State: string;
  SourceUserId: string;
  /** Absent when the user has none in the target (dry run, conflict, not imported). */
  TargetUserId?: string;
  Outcome: UserOutcome;
  Reason?: string;
  Password?: string;
  Tokens: ReportToken[];
  /** When `--notify-users` mailed the user the token list (ISO 8601). */
  NotifiedAt?: string;
}

/** The whole report, as `--report` writes it. */
export interface ImportReport {
  Source: { EndpointUrl: string; OrganizationId: string; Alias: string };
  Target: { EndpointUrl: string; OrganizationId?: string };
  DryRun: boolean;
  /** Where users re-create their tokens. */
  AccountUrl: string;
  Users: ReportUser[];
  Conflicts: string[];
  Notes: string[];
}

/** Inputs of buildReport. */
export interface ReportContext {
  source: SourceSnapshot;
  plan: ImportPlan;
  sourceEndpointUrl: string;
  targetEndpointUrl: string;
  targetOrganizationId?: string;
  /** Source user ID -> target user ID. */
  userIds: ReadonlyMap<string, string>;
  accountUrl: string;
  dryRun: boolean;
}

/** Builds the report. */
export function buildReport(context: ReportContext): ImportReport {
  const { source, plan } = context;
  const tokensByUser = new Map<string, ReportToken[]>();
  for (const token of source.tokens) {
    const list = tokensByUser.get(token.userId) ?? [];
    list.push(toReportToken(token));
    tokensByUser.set(token.userId, list);
  }
  const users = plan.users.map((user): ReportUser => {
    const imported = user.outcome !== 'conflict' && user.outcome !== 'not-imported';
    return dropUndefined({
      Name: user.source.name,
      Email: user.source.email,
      State: user.source.state,
      SourceUserId: user.source.id,
      TargetUserId: context.userIds.get(user.source.id),
      Outcome: user.outcome,
      Reason: user.reason,
      Password: imported ? PASSWORD_NOT_IMPORTED : undefined,
      Tokens: tokensByUser.get(user.source.id) ?? [],
    });
  });
  return {
    Source: {
      EndpointUrl: withoutUserInfo(context.sourceEndpointUrl),
      OrganizationId: source.organizationId,
      Alias: source.alias,
    },
    Target: dropUndefined({
      EndpointUrl: withoutUserInfo(context.targetEndpointUrl),
      OrganizationId: context.targetOrganizationId,
    }),
    DryRun: context.dryRun,
    AccountUrl: context.accountUrl,
    Users: users,
    Conflicts: plan.conflicts,
    Notes: plan.notes,
  };
}

/** `<MAILPAT_PUBLIC_URL>/account/` when set, else the target endpoint's `/account/`. */
export function accountUrlFor(publicUrl: string | undefined, targetEndpointUrl: string): string {
  const base = new URL(withoutUserInfo(publicUrl || targetEndpointUrl));
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return new URL('account/', base).href;
}

function toReportToken(token: TokenSnapshot): ReportToken {
  return dropUndefined({
    PersonalAccessTokenId: token.id,
    Name: token.name,
    Scopes: token.scopes,
    DateCreated: token.dateCreated?.toISOString(),
    DateLastUsed: token.dateLastUsed?.toISOString(),
    ExpiresTime: token.expiresTime?.toISOString(),
  });
}

/** A URL without `user:password@`: the report never carries a credential. */
function withoutUserInfo(text: string): string {
  if (!URL.canParse(text)) return text;
  const url = new URL(text);
  url.username = '';
  url.password = '';
  return url.href;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
