/**
 * The compiled form of a shape: a closure that checks one non-null value.
 * @module
 */
import { SerializationException } from '../errors/index.js';
import type { Violations } from './violations.js';

/**
 * Checks a value that is present (not undefined, not null) at `path`. A wrong JSON type throws a
 * SerializationException at once (the input cannot be read at all); constraint violations are
 * added to `violations` so that all of them are reported together.
 */
export type ValueValidator = (value: unknown, path: string, violations: Violations) => void;

/** The validator for a named shape; may return a forwarder while that shape is being compiled. */
export type ValidatorLookup = (shapeName: string) => ValueValidator;

/** `Expected a string for member 'Name'`: the value cannot be read as the member's type. */
export function typeMismatch(expected: string, path: string): SerializationException {
  return new SerializationException(`Expected ${expected} for member '${path}'`);
}

/** A JSON object (what structures and maps are written as). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
