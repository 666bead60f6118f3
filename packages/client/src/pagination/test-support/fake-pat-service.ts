/**
 * The fake ListPersonalAccessTokens service of `test/fixtures/README.md`: items
 * `pat-0000`... alternating two users, `MaxResults` per page (a default otherwise), `UserId`
 * filter, `NextToken` = `tok-<index of the next item>` (or always `tok-7`). It records every
 * request it receives, by reference and as a snapshot, so tests can prove nothing is rewritten.
 * @module
 */

/** One token summary as the vectors show it. */
export interface FakeTokenSummary {
  PersonalAccessTokenId: string;
  UserId: string;
  Name: string;
  Scopes: string[];
}

/** A request as the paginator sends it. */
export interface FakeListRequest {
  OrganizationId?: string;
  UserId?: string;
  MaxResults?: number;
  NextToken?: string;
}

/** A page as the fake service answers. */
export interface FakeListResponse {
  PersonalAccessTokenSummaries: FakeTokenSummary[];
  NextToken?: string;
}

/** How the fake service is set up (the `service` member of a vector case). */
export interface FakeServiceOptions {
  readonly items: number;
  readonly defaultPageSize: number;
  readonly nextTokenScheme?: string;
}

export const FAKE_USERS = ['u-alice-000001', 'u-bob-0000002'] as const;

/** The summary at `index` of the unfiltered list. */
export function fakeSummary(index: number): FakeTokenSummary {
  return {
    PersonalAccessTokenId: `pat-${String(index).padStart(4, '0')}`,
    UserId: FAKE_USERS[index % 2] as string,
    Name: `token ${index}`,
    Scopes: ['IMAP', 'SMTP'],
  };
}

/** A fake service with a request log. */
export class FakePatService {
  /** Every request object received, as received (references). */
  readonly received: FakeListRequest[] = [];
  /** JSON of every request at the moment it was received. */
  readonly snapshots: string[] = [];
  readonly #options: FakeServiceOptions;

  constructor(options: FakeServiceOptions) {
    this.#options = options;
  }

  /** The requests as plain values (what the vectors list under `requests`). */
  get requests(): FakeListRequest[] {
    return this.snapshots.map((snapshot) => JSON.parse(snapshot) as FakeListRequest);
  }

  /** The service method. */
  readonly listPersonalAccessTokens = async (
    request: FakeListRequest,
  ): Promise<FakeListResponse> => {
    this.received.push(request);
    this.snapshots.push(JSON.stringify(request));
    const all = Array.from({ length: this.#options.items }, (_, index) => fakeSummary(index));
    const matching =
      request.UserId === undefined ? all : all.filter((item) => item.UserId === request.UserId);
    const start = request.NextToken === undefined ? 0 : Number(request.NextToken.slice(4));
    const end = start + (request.MaxResults ?? this.#options.defaultPageSize);
    const page: FakeListResponse = { PersonalAccessTokenSummaries: matching.slice(start, end) };
    if (end < matching.length) {
      page.NextToken = this.#options.nextTokenScheme === 'always tok-7' ? 'tok-7' : `tok-${end}`;
    }
    return page;
  };
}
