/**
 * MailpatService.ListPersonalAccessTokenEvents: a token's (or every token's) history,
 * oldest first, paged by insertion order with the same authenticated NextTokens as the listings.
 * @module
 */
import { fetchKeysetPage } from '../../domain/keyset-listing.js';
import { requireActiveOrganization } from '../../domain/organizations.js';
import { toEpochSeconds } from '../../domain/wire-time.js';
import { defineOperation } from '../operation.js';
import type { ListPersonalAccessTokenEventsRequest } from '@mailpat/model';

export const listPersonalAccessTokenEvents = defineOperation({
  service: 'MailpatService',
  name: 'ListPersonalAccessTokenEvents',
  async handle(input: ListPersonalAccessTokenEventsRequest, { store, nextTokens }) {
    const orgId = input.OrganizationId;
    await requireActiveOrganization(store, orgId);
    const tokenId = input.PersonalAccessTokenId;
    const { page, nextToken } = await fetchKeysetPage(
      {
        codec: nextTokens,
        binding: {
          operation: 'ListPersonalAccessTokenEvents',
          scope: `${orgId}|${tokenId ?? '*'}`,
        },
        nextToken: input.NextToken,
        maxResults: input.MaxResults,
      },
      // The cursor's createdAt carries the event sequence; its id is unused.
      (after, limit) =>
        store.listTokenEvents(orgId, { afterSequence: after?.createdAt, limit, tokenId }),
      ({ items }) => {
        const last = items.at(-1);
        return last === undefined ? undefined : { createdAt: last.sequence as number, id: '' };
      },
    );
    return {
      Events: page.items.map((event) => ({
        PersonalAccessTokenId: event.tokenId,
        UserId: event.userId,
        EventType: event.type,
        EventTime: toEpochSeconds(event.at),
        ...(event.clientAddress === null ? {} : { ClientAddress: event.clientAddress }),
        ...(event.expiryWarningDays === undefined
          ? {}
          : { ExpiryWarningDays: event.expiryWarningDays }),
      })),
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    };
  },
});
