/**
 * The request fuzz run's knobs, from the environment: FUZZ_SEED replays a run, FUZZ_REQUESTS sets
 * its length, FUZZ_CONCURRENCY the requests in flight.
 * @module
 */

export interface FuzzSettings {
  /** fast-check's seed; printed at the start so that a failure can be replayed. */
  seed: number;
  /** At least this many requests are sent (the fuzzer's own snapshot reads not counted). */
  requests: number;
  /** The most requests of one generated batch; fast-check shrinks a failing batch from there. */
  batchSize: number;
  /** Requests in flight at once in a batch's concurrent phase. */
  concurrency: number;
}

/** Reads the settings; `defaultRequests` is the short run of `npm test`. */
export function readFuzzSettings(defaultRequests: number): FuzzSettings {
  return {
    seed: readInteger('FUZZ_SEED') ?? Math.floor(Math.random() * 0x7fffffff),
    requests: readInteger('FUZZ_REQUESTS') ?? defaultRequests,
    batchSize: readInteger('FUZZ_BATCH') ?? 400,
    concurrency: readInteger('FUZZ_CONCURRENCY') ?? 8,
  };
}

function readInteger(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${text}`);
  return value;
}
