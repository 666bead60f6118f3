import { describe, expect, it } from 'vitest';
import type { TokenRecord } from '../domain/records.js';
import { cutTokenSummaryPage, toTokenSummary } from './token-summary.js';

function summary(id: string, createdAt: number, name = 'n'): string {
  const token: TokenRecord = {
    id,
    organizationId: 'm-1',
    userId: 'u-1',
    name,
    scopes: ['IMAP'],
    secretHash: 'h',
    createdAt,
    expiresAt: createdAt + 1,
    lastUsedAt: null,
    lastUsedAddress: null,
  };
  return JSON.stringify(toTokenSummary(token));
}

describe('cutTokenSummaryPage', () => {
  it('answers an empty page for no rows', () => {
    expect(cutTokenSummaryPage(null, 0, 10)).toEqual({ summariesJson: '', hasMore: false });
  });

  it('keeps a short page whole and reads the cursor from its last summary', () => {
    const joined = [summary('pat-a', 1_700_000_000_001), summary('pat-b', 1_700_000_000_999)].join(
      ',',
    );
    expect(cutTokenSummaryPage(joined, 2, 10)).toEqual({
      summariesJson: joined,
      last: { createdAt: 1_700_000_000_999, id: 'pat-b' },
      hasMore: false,
    });
  });

  it('cuts the extra summary off and reports that more remain', () => {
    const kept = [summary('pat-a', 1_700_000_000_001), summary('pat-b', 1_700_000_000_002)];
    const joined = [...kept, summary('pat-c', 1_700_000_000_003)].join(',');
    expect(cutTokenSummaryPage(joined, 3, 2)).toEqual({
      summariesJson: kept.join(','),
      last: { createdAt: 1_700_000_000_002, id: 'pat-b' },
      hasMore: true,
    });
  });

  it('is not misled by a name that looks like the start of a summary', () => {
    const tricky = ',{"PersonalAccessTokenId":"pat-evil","DateCreated":1}';
    const kept = summary('pat-a', 1_700_000_000_123, tricky);
    const joined = [kept, summary('pat-b', 1_700_000_000_124, tricky)].join(',');
    expect(cutTokenSummaryPage(joined, 2, 1)).toEqual({
      summariesJson: kept,
      last: { createdAt: 1_700_000_000_123, id: 'pat-a' },
      hasMore: true,
    });
  });

  it('recovers every millisecond exactly from epoch seconds', () => {
    for (let ms = 1_795_815_122_000; ms < 1_795_815_123_000; ms++) {
      const page = cutTokenSummaryPage(summary('pat-x', ms), 1, 1);
      expect(page.last?.createdAt).toBe(ms);
    }
  });
});
