/**
 * The environment variables the server reads, with their defaults and bounds. Every one of them
 * is read and validated in this folder; a bad value stops the start with a message naming it.
 * @module
 */

/** The database: `sqlite:PATH` or `postgres://...`, when `--database` is not given. */
export const DATABASE_URL_ENV = 'MAILPAT_DATABASE_URL';
/** Connections to PostgreSQL per instance (POOL_SIZE by default); SQLite ignores it. */
export const DATABASE_POOL_SIZE_ENV = 'MAILPAT_DATABASE_POOL_SIZE';
/**
 * PostgreSQL's statement_timeout and idle_in_transaction_session_timeout per connection
 * (STATEMENT_TIMEOUT_MS by default): a statement stuck on a lock fails as unavailable.
 */
export const DATABASE_STATEMENT_TIMEOUT_MS_ENV = 'MAILPAT_DATABASE_STATEMENT_TIMEOUT_MS';
/**
 * How long the client waits for PostgreSQL's answer to one statement (the statement timeout
 * plus QUERY_TIMEOUT_MARGIN_MS by default): a server that stops answering fails as unavailable.
 */
export const DATABASE_QUERY_TIMEOUT_MS_ENV = 'MAILPAT_DATABASE_QUERY_TIMEOUT_MS';

/** How long token events are kept, in days. */
export const EVENT_RETENTION_DAYS_ENV = 'MAILPAT_EVENT_RETENTION_DAYS';
/** Days token events are kept unless MAILPAT_EVENT_RETENTION_DAYS says. */
export const DEFAULT_EVENT_RETENTION_DAYS = 90;

/** How often coalesced uses and events are written, in milliseconds. */
export const LAST_USED_FLUSH_MS_ENV = 'MAILPAT_LAST_USED_FLUSH_MS';
/** How often coalesced uses and events are written unless MAILPAT_LAST_USED_FLUSH_MS says. */
export const DEFAULT_FLUSH_INTERVAL_MS = 10_000;
/** The longest delay setInterval honours (2^31 - 1 ms, about 24.8 days); longer fires at once. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** The one introspection client (e.g. Dovecot). */
export const INTROSPECTION_CLIENT_ID_ENV = 'MAILPAT_INTROSPECTION_CLIENT_ID';
export const INTROSPECTION_CLIENT_SECRET_ENV = 'MAILPAT_INTROSPECTION_CLIENT_SECRET';

/**
 * The shortest root secret or introspection client secret accepted at start: a short one could be
 * guessed offline from one captured signature, or online against the introspection endpoint.
 */
export const MIN_SECRET_LENGTH = 16;

/** The root access key, pinned instead of stored or generated. */
export const ROOT_ACCESS_KEY_ID_ENV = 'MAILPAT_ROOT_ACCESS_KEY_ID';
export const ROOT_SECRET_ACCESS_KEY_ENV = 'MAILPAT_ROOT_SECRET_ACCESS_KEY';

/** Minutes a web session may stay unused before it ends. */
export const SESSION_IDLE_MINUTES_ENV = 'MAILPAT_SESSION_IDLE_MINUTES';
/** Minutes a web session stays unused before it ends unless MAILPAT_SESSION_IDLE_MINUTES says. */
export const DEFAULT_SESSION_IDLE_MINUTES = 30;
/** Hours a web session lasts at most, however busy. */
export const SESSION_MAX_HOURS_ENV = 'MAILPAT_SESSION_MAX_HOURS';
/** Hours a web session lasts at most unless MAILPAT_SESSION_MAX_HOURS says. */
export const DEFAULT_SESSION_MAX_HOURS = 12;
/**
 * The URL browsers reach mailpat at (e.g. behind a reverse proxy): links, cookies and the single
 * sign-on redirect URI are built from it. Unset: the URL the server listens on.
 */
export const PUBLIC_URL_ENV = 'MAILPAT_PUBLIC_URL';
/** The mail server host shown with a new token; the host of MAILPAT_PUBLIC_URL by default. */
export const MAIL_HOST_ENV = 'MAILPAT_MAIL_HOST';

/** Connections held open at once; more are closed as they arrive. */
export const MAX_CONNECTIONS_ENV = 'MAILPAT_MAX_CONNECTIONS';
/** Connections held open at once unless MAILPAT_MAX_CONNECTIONS says. */
export const DEFAULT_MAX_CONNECTIONS = 1024;
/** Milliseconds a client has to send a request's headers; a slower one is answered 408, closed. */
export const HEADERS_TIMEOUT_MS_ENV = 'MAILPAT_HEADERS_TIMEOUT_MS';
/** Milliseconds for the headers unless MAILPAT_HEADERS_TIMEOUT_MS says. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** Milliseconds a client has to send a whole request, body included. */
export const REQUEST_TIMEOUT_MS_ENV = 'MAILPAT_REQUEST_TIMEOUT_MS';
/** Milliseconds for a whole request unless MAILPAT_REQUEST_TIMEOUT_MS says. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * The relay expiry warnings go out through: `smtp://` (STARTTLS when offered, port 587 by
 * default), `smtps://` (implicit TLS, 465) or `lmtp://` (straight into e.g. Dovecot's LMTP, 24),
 * with optional `user:password@`. Unset: no mail is sent.
 */
export const SMTP_URL_ENV = 'MAILPAT_SMTP_URL';
/** The From of every message mailpat sends (`Name <addr>` or `addr`); required with a relay. */
export const MAIL_FROM_ENV = 'MAILPAT_MAIL_FROM';

/** How log lines look: `json` (one JSON object per line) or `pretty`; unset: pretty on a terminal. */
export const LOG_FORMAT_ENV = 'MAILPAT_LOG_FORMAT';
/** The least severe level logged: `error`, `warn`, `info` (the default) or `debug`. */
export const LOG_LEVEL_ENV = 'MAILPAT_LOG_LEVEL';
