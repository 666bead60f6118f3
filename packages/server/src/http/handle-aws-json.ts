/**
 * The admin API pipeline for `POST /`: read body -> verify SigV4 -> route X-Amz-Target ->
 * parse JSON -> validate against the model -> run the operation -> write the result or error.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_REQUEST_BODY_BYTES } from '../aws-json/constants.js';
import { parseRequestBody } from '../aws-json/parse-request-body.js';
import { writeError, writeResult } from '../aws-json/write-response.js';
import type { LookupSecret } from '../auth/verify-sigv4.js';
import { verifySigV4 } from '../auth/verify-sigv4.js';
import { UnknownOperationException } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import type { OperationContext } from '../operations/operation.js';
import { findOperation } from '../operations/registry.js';
import { validateInput } from '../validation/validate-input.js';
import { findModelOperation } from '@mailpat/model';
import { readBody } from './read-body.js';
import { toWireError } from './to-wire-error.js';

export interface AwsJsonDependencies {
  context: OperationContext;
  lookupSecret: LookupSecret;
  log: Logger;
}

/** Serves one admin API request; never throws. */
export async function handleAwsJson(
  req: IncomingMessage,
  res: ServerResponse,
  deps: AwsJsonDependencies,
): Promise<void> {
  const requestId = randomUUID();
  try {
    const body = await readBody(req, MAX_REQUEST_BODY_BYTES);
    const caller = await verifySigV4(
      { method: req.method ?? 'POST', path: req.url ?? '/', rawHeaders: req.rawHeaders, body },
      deps.lookupSecret,
      Date.now(),
    );
    const target = req.headers['x-amz-target'];
    const operation = typeof target === 'string' ? findOperation(target) : undefined;
    const model = typeof target === 'string' ? findModelOperation(target) : undefined;
    if (!operation || !model) {
      throw new UnknownOperationException(
        target ? `Unknown operation ${String(target)}` : 'Missing X-Amz-Target header',
      );
    }
    const input = parseRequestBody(body);
    validateInput(model.inputShape, input);
    const output = await operation.handle(input as never, deps.context, { region: caller.region });
    writeResult(res, requestId, output);
  } catch (error) {
    if (res.headersSent || res.destroyed) return;
    writeError(res, requestId, toWireError(error, deps.log, requestId));
  }
}
