/**
 * The admin API pipeline for `POST /`: check the headers (length, SigV4 but the signature) -> read
 * body -> verify the signature -> route X-Amz-Target ->
 * parse JSON -> validate against the model -> run the operation -> write the result or error.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_REQUEST_BODY_BYTES } from '../aws-json/constants.js';
import { parseRequestBody } from '../aws-json/parse-request-body.js';
import { writeError, writeResult } from '../aws-json/write-response.js';
import type { LookupSecret } from '../auth/verify-sigv4.js';
import { verifySigV4Body, verifySigV4Headers } from '../auth/verify-sigv4.js';
import { UnknownOperationException } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import { secondsSince } from '../metrics/seconds-since.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import type { OperationContext } from '../operations/operation.js';
import { findOperation } from '../operations/registry.js';
import { validateInput } from '../validation/validate-input.js';
import { findModelOperation } from '@mailpat/model';
import { closeAfterResponse } from './close-after-response.js';
import { logApiRequest } from './log-api-request.js';
import type { ApiRequestFacts } from './log-api-request.js';
import { checkDeclaredLength, readBody } from './read-body.js';
import { toWireError } from './to-wire-error.js';

export interface AwsJsonDependencies {
  context: OperationContext;
  lookupSecret: LookupSecret;
  log: Logger;
  /** Where each answered request is counted; undefined when metrics are off. */
  metrics?: Pick<ServerMetrics, 'observeApiRequest'> | undefined;
}

/** Serves one admin API request; never throws. */
export async function handleAwsJson(
  req: IncomingMessage,
  res: ServerResponse,
  deps: AwsJsonDependencies,
): Promise<void> {
  const requestId = randomUUID();
  const facts: ApiRequestFacts = { startedAt: performance.now() };
  try {
    // Whatever the headers alone can refuse is refused before the body is read.
    checkDeclaredLength(req, MAX_REQUEST_BODY_BYTES);
    const method = req.method ?? 'POST';
    const signed = await verifySigV4Headers(
      { method, path: req.url ?? '/', rawHeaders: req.rawHeaders },
      deps.lookupSecret,
      Date.now(),
    );
    facts.accessKeyId = signed.parts.accessKeyId;
    const body = await readBody(req, MAX_REQUEST_BODY_BYTES);
    const caller = await verifySigV4Body(signed, { method, body });
    const target = req.headers['x-amz-target'];
    const operation = typeof target === 'string' ? findOperation(target) : undefined;
    const model = typeof target === 'string' ? findModelOperation(target) : undefined;
    if (!operation || !model) {
      throw new UnknownOperationException(
        target ? `Unknown operation ${String(target)}` : 'Missing X-Amz-Target header',
      );
    }
    facts.operation = target as string;
    const input = parseRequestBody(body);
    validateInput(model.inputShape, input);
    const output = await operation.handle(input as never, deps.context, { region: caller.region });
    writeResult(res, requestId, output);
  } catch (error) {
    if (res.headersSent || res.destroyed) return;
    if (!req.complete) closeAfterResponse(req, res);
    const wireError = toWireError(error, deps.log, requestId);
    facts.errorCode = wireError.code;
    writeError(res, requestId, wireError);
  } finally {
    logApiRequest(deps.log, requestId, res, facts);
    if (deps.metrics !== undefined && res.headersSent) {
      observeAnswer(req, deps.metrics, facts);
    }
  }
}

/**
 * Counts an answered request by its X-Amz-Target (an unsigned one too: the label set is fixed)
 * and the error code the wire carried.
 */
function observeAnswer(
  req: IncomingMessage,
  metrics: Pick<ServerMetrics, 'observeApiRequest'>,
  facts: ApiRequestFacts,
): void {
  metrics.observeApiRequest(
    req.headers['x-amz-target'],
    facts.errorCode,
    secondsSince(facts.startedAt),
  );
}
