/**
 * Reads a POSTed HTML form: application/x-www-form-urlencoded only, at most MAX_FORM_BYTES.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import { SerializationException } from '../../errors/index.js';
import { readBody } from '../../http/read-body.js';
import { MAX_FORM_BYTES } from '../constants.js';
import { FormTooLargeError, UnsupportedFormError } from './web-errors.js';

/** The form's fields; FormTooLargeError (413) or UnsupportedFormError (415) otherwise. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const mediaType = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  // A body left unread is not read here: see cutOffLargeBodies.
  if (mediaType !== 'application/x-www-form-urlencoded') {
    throw new UnsupportedFormError();
  }
  try {
    return new URLSearchParams((await readBody(req, MAX_FORM_BYTES)).toString('utf8'));
  } catch (error) {
    if (error instanceof SerializationException) {
      throw new FormTooLargeError(MAX_FORM_BYTES);
    }
    throw error;
  }
}
