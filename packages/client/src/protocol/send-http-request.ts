/**
 * Sends a signed request with the global `fetch`, bounded by a timeout.
 * @module
 */
import type { HttpRequest } from '@smithy/protocol-http';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { HttpResponse } from './http-response.js';

/** How long one attempt may take, and the caller's own abort signal. */
export interface SendOptions {
  /** Milliseconds for the whole exchange, body included; 0 for no limit. */
  timeoutMs: number;
  abortSignal?: AbortSignal | undefined;
}

/**
 * Resolves with the response whatever its status. Rejects with a `TimeoutError` when the timeout
 * fires, a `NetworkError` when no response arrives, or the caller's abort reason.
 */
export async function sendHttpRequest(
  request: HttpRequest,
  options: SendOptions,
): Promise<HttpResponse> {
  const timeout = options.timeoutMs > 0 ? AbortSignal.timeout(options.timeoutMs) : undefined;
  const signals = [timeout, options.abortSignal].filter((s) => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  try {
    const response = await fetch(toUrl(request), {
      method: request.method,
      headers: withoutHost(request.headers),
      body: request.body as string,
      // A redirect would be re-sent with a signature for another host (or as a GET): surface it.
      redirect: 'manual',
      signal,
    });
    const body = await response.text();
    return { statusCode: response.status, headers: response.headers, body };
  } catch (error) {
    if (timeout?.aborted) {
      throw new TimeoutError(`Request timed out after ${options.timeoutMs} ms`, { cause: error });
    }
    if (options.abortSignal?.aborted) throw options.abortSignal.reason;
    throw new NetworkError(describe(error), { cause: error });
  }
}

function toUrl(request: HttpRequest): string {
  const port = request.port === undefined ? '' : `:${request.port}`;
  return `${request.protocol}//${request.hostname}${port}${request.path}`;
}

/** `fetch` writes Host itself, from the URL: the same value that was signed. */
function withoutHost(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'host'));
}

/** `fetch failed` says little; the cause (ECONNREFUSED, ...) says what happened. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail = cause?.code ?? cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return typeof detail === 'string' ? `${message}: ${detail}` : message;
}
