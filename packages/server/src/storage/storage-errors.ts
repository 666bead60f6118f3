/**
 * Storage failures in backend-neutral terms; backends map driver codes to these.
 * @module
 */

/** A write broke a uniqueness rule; `constraint` names which (see the migrations). */
export class UniqueConstraintError extends Error {
  constructor(
    readonly constraint: string,
    options?: { cause?: unknown },
  ) {
    super(`unique constraint violated: ${constraint}`, options);
    this.name = 'UniqueConstraintError';
  }
}

/** The database cannot be reached or answered with an I/O failure. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * The database cannot take writes until something outside mailpat changes: the disk is full,
 * the file or server is read-only, the data is damaged. Unlike a lock or a lost connection this
 * does not pass by retrying, so the health check reports it until a probe write succeeds.
 */
export class DatabaseFaultError extends DatabaseUnavailableError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseFaultError';
  }
}

/** A token was to be written for a user that is not (or no longer) ENABLED. */
export class UserNotEnabledError extends Error {
  constructor(
    readonly userId: string,
    options?: { cause?: unknown },
  ) {
    super(`user ${userId} is not ENABLED`, options);
    this.name = 'UserNotEnabledError';
  }
}

/** A mail domain that another live organization holds (primary key of mail_domains). */
export class MailDomainTakenError extends UniqueConstraintError {
  constructor(
    readonly domain: string,
    options?: { cause?: unknown },
  ) {
    super('mail_domains_pkey', options);
    this.message = `mail domain ${domain} is held by another organization`;
    this.name = 'MailDomainTakenError';
  }
}

/**
 * A migration met data it could only convert by deciding whose data to drop. It stops before
 * changing anything, and its message says what to resolve.
 */
export class MigrationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationRefusedError';
  }
}
