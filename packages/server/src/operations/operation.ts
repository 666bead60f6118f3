/**
 * What every operation is: a wire name and a handler over already-validated input.
 * @module
 */
import type { Store } from '../storage/store.js';
import type { NextTokenCodec } from '../tokens/next-token.js';
import type { Clock } from '../domain/clock.js';

/** What a handler may use. One per server; nothing request-specific lives here. */
export interface OperationContext {
  store: Store;
  nextTokens: NextTokenCodec;
  clock: Clock;
  /**
   * The single sign-on redirect URI (MAILPAT_PUBLIC_URL or the listening URL, plus
   * /account/sso/callback); a function because the port is known only once the server listens.
   */
  singleSignOnRedirectUri(): string;
}

/**
 * A served operation. `handle` receives input that already passed model validation
 * (validation/validate-input.ts), so member types and constraints hold.
 */
export interface Operation<Input = never, Output = unknown> {
  /** The X-Amz-Target prefix: `WorkMailService` or `MailpatService`. */
  service: 'WorkMailService' | 'MailpatService';
  /** The AWS operation name, e.g. `ListPersonalAccessTokens`. */
  name: string;
  handle(input: Input, context: OperationContext, request: RequestInfo): Promise<Output>;
}

/** Facts about the request being served that some outputs need. */
export interface RequestInfo {
  /** The region the caller signed for; mailpat serves every region alike. */
  region: string;
}

/** Declares an operation with its input and output types checked. */
export function defineOperation<Input, Output>(
  operation: Operation<Input, Output>,
): Operation<Input, Output> {
  return operation;
}
