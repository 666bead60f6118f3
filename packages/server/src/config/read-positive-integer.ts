/**
 * Reads a setting that must be a positive integer, strictly: a typo stops the start, loudly.
 * @module
 */

/** The setting's value; undefined when unset or empty; throws unless it is an integer in 1..max. */
export function readPositiveInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  // Digits only: "1.5", "1e3", " 7", "0x10" and "-1" are refused, not rounded or guessed at.
  if (!/^[1-9][0-9]*$/.test(text))
    throw new Error(`${name} must be a positive integer, not ${JSON.stringify(text)}`);
  const value = Number(text);
  if (value > max) throw new Error(`${name} must be at most ${max}, not ${JSON.stringify(text)}`);
  return value;
}
