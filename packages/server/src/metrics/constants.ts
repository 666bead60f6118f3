/**
 * Fixed values of the Prometheus metrics and their listener.
 * @module
 */

/** The one path the metrics listener serves. */
export const METRICS_PATH = '/metrics';

/** Where the metrics listener binds unless told otherwise: never beside a public API by accident. */
export const DEFAULT_METRICS_HOST = '127.0.0.1';

/**
 * Latency buckets in seconds, shared by the API, introspection and the web app: a List page or
 * a login takes about a millisecond, a page with a password check a few hundred.
 */
export const LATENCY_BUCKETS_SECONDS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/**
 * How old the token counts a scrape reports may be. Counting reads an index over every token
 * (tens of milliseconds at a million on SQLite, where it holds the event loop): at most one count
 * per minute, however often and from however many scrapers.
 */
export const TOKEN_COUNT_MAX_AGE_MS = 60_000;

/** Connections the metrics listener holds at once: a scraper or two, not a crowd. */
export const METRICS_MAX_CONNECTIONS = 16;
/** A scrape request, headers included, that takes longer is cut off. */
export const METRICS_REQUEST_TIMEOUT_MS = 10_000;
