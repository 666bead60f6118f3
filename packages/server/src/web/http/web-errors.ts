/**
 * Errors of the web app that know their status and what the error page says; one handler
 * (handle-web-request.ts) renders them. Anything else is a 500 whose cause is only logged.
 * @module
 */

/** A refusal shown to the browser as an error page. */
export class WebError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = 'WebError';
  }
}

/** Unknown page, or a token that is not the user's own (the same answer, so ids do not leak). */
export class PageNotFoundError extends WebError {
  constructor(message = 'There is no such page, or it is not yours.') {
    super(404, 'Not found', message);
    this.name = 'PageNotFoundError';
  }
}

/** A POST without the right CSRF token, or from another origin: nothing was changed. */
export class CsrfRefusedError extends WebError {
  constructor() {
    super(
      403,
      'Request refused',
      'The form was not sent from this site or has expired. Reload the page and try again.',
    );
    this.name = 'CsrfRefusedError';
  }
}

/** A form body over MAX_FORM_BYTES. */
export class FormTooLargeError extends WebError {
  constructor(limit: number) {
    super(413, 'Form too large', `The form is larger than ${limit} bytes.`);
    this.name = 'FormTooLargeError';
  }
}

/** A POST that is not a URL-encoded form. */
export class UnsupportedFormError extends WebError {
  constructor() {
    super(415, 'Unsupported form', 'Forms must be sent as application/x-www-form-urlencoded.');
    this.name = 'UnsupportedFormError';
  }
}

/** A known path asked with a method it does not take. */
export class MethodNotAllowedError extends WebError {
  constructor(readonly allowed: string) {
    super(405, 'Method not allowed', `This page only answers ${allowed}.`);
    this.name = 'MethodNotAllowedError';
  }
}

/** A query parameter that cannot be read (e.g. a damaged next-page link). */
export class BadPageRequestError extends WebError {
  constructor(message: string) {
    super(400, 'Bad request', message);
    this.name = 'BadPageRequestError';
  }
}
