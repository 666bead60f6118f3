/**
 * @module MailpatService.ListPersonalAccessTokenEvents: a token's (or every token's) history,
 * oldest first, paged by insertion order with the same authenticated NextTokens as the listings.
 */
import { DEFAULT_PAGE_SIZE } from '../../domain/keyset-listing.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { toEpochSeconds } from '../../domain/wire-time.js';
import { defineOperation } from '../operation.js';

interface ListPersonalAccessTokenEventsInput {
  OrganizationId: string;
  PersonalAccessTokenId?: string;
  NextToken?: string;
  MaxResults?: number;
}

export const listPersonalAccessTokenEvents = defineOperation({
  service: 'MailpatService',
  name: 'ListPersonalAccessTokenEvents',
  async handle(input: ListPersonalAccessTokenEventsInput, { store, nextTokens }) {
    const orgId = input.OrganizationId;
    await requireActiveOrganization(store, orgId);
    const tokenId = input.PersonalAccessTokenId;
    const binding = {
      operation: 'ListPersonalAccessTokenEvents',
      scope: `${orgId}|${tokenId ?? '*'}`,
    };
    // The cursor's createdAt carries the event sequence; its id is unused.
    const after =
      input.NextToken === undefined ? undefined : nextTokens.decode(input.NextToken, binding);
    const page = await store.listTokenEvents(orgId, {
      afterSequence: after?.createdAt,
      limit: input.MaxResults ?? DEFAULT_PAGE_SIZE,
      tokenId,
    });
    const last = page.items.at(-1);
    return {
      Events: page.items.map((event) => ({
        PersonalAccessTokenId: event.tokenId,
        UserId: event.userId,
        EventType: event.type,
        EventTime: toEpochSeconds(event.at),
        ...(event.clientAddress === null ? {} : { ClientAddress: event.clientAddress }),
      })),
      ...(page.hasMore && last
        ? { NextToken: nextTokens.encode(binding, { createdAt: last.sequence as number, id: '' }) }
        : {}),
    };
  },
});
