/**
 * What 0003-mail-domains checks before it changes anything: mail domains that more than one live
 * organization lists, and email addresses that more than one live user holds. Both were possible
 * before it (the email index was per organization, domains were not checked at all).
 *
 * @module
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** A domain or address and who holds it: organization IDs, or `userId (organizationId)`. */
export interface SharedAddress {
  value: string;
  holders: string[];
}

export interface SharedAddresses {
  domains: SharedAddress[];
  emails: SharedAddress[];
}

/** The duplicated domains and addresses among live organizations and users, sorted. */
export async function findSharedAddresses(db: Kysely<unknown>): Promise<SharedAddresses> {
  return { domains: await findSharedDomains(db), emails: await findSharedEmails(db) };
}

/** The rows mail_domains starts with: every domain of every live organization, once each. */
export async function liveOrganizationDomains(
  db: Kysely<unknown>,
): Promise<{ domain_lower: string; organization_id: string }[]> {
  const { rows } = await sql<{ id: string; default_mail_domain: string; domains: string }>`
    select id, default_mail_domain, domains from organizations where state <> 'Deleted'`.execute(
    db,
  );
  return rows.flatMap((row) => {
    const listed = JSON.parse(row.domains) as string[];
    const domains = new Set([row.default_mail_domain, ...listed].map((d) => d.toLowerCase()));
    return [...domains].map((domain_lower) => ({ domain_lower, organization_id: row.id }));
  });
}

async function findSharedDomains(db: Kysely<unknown>): Promise<SharedAddress[]> {
  const holders = new Map<string, string[]>();
  for (const row of await liveOrganizationDomains(db)) {
    const list = holders.get(row.domain_lower) ?? [];
    list.push(row.organization_id);
    holders.set(row.domain_lower, list);
  }
  return [...holders]
    .filter(([, ids]) => ids.length > 1)
    .map(([value, ids]) => ({ value, holders: ids.sort() }))
    .sort((a, b) => (a.value < b.value ? -1 : 1));
}

async function findSharedEmails(db: Kysely<unknown>): Promise<SharedAddress[]> {
  const { rows } = await sql<{ email_lower: string; id: string; organization_id: string }>`
    select email_lower, id, organization_id from users
    where state <> 'DELETED' and email_lower in (
      select email_lower from users
      where state <> 'DELETED' and email_lower is not null
      group by email_lower having count(*) > 1)
    order by email_lower, organization_id, id`.execute(db);
  const holders = new Map<string, string[]>();
  for (const row of rows) {
    const list = holders.get(row.email_lower) ?? [];
    list.push(`${row.id} (${row.organization_id})`);
    holders.set(row.email_lower, list);
  }
  return [...holders].map(([value, list]) => ({ value, holders: list }));
}
