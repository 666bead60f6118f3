/**
 * Validates an operation's input against the model, as AWS does before any handler runs:
 * wrong JSON types are a SerializationException, constraint violations (required, length, range,
 * enum, pattern) one InvalidParameterException that lists them all.
 * @module
 */
import { InvalidParameterException, SerializationException } from '../errors/index.js';
import { SERVICE_MODEL } from '@mailpat/model';
import type { ShapeDefinition } from '@mailpat/model';
import { compileShape } from './compile-shape.js';
import { isJsonObject } from './value-validator.js';
import type { ValueValidator } from './value-validator.js';
import { Violations } from './violations.js';

/** Validates `input` against the named structure shape; throws on the first problem found. */
export type InputValidator = (shapeName: string, input: unknown) => void;

/**
 * An InputValidator over a set of shapes. Each shape is compiled into a closure the first time it
 * is needed (regexes compiled then too), so a call does no more than walk the input.
 */
export function createInputValidator(
  shapes: Readonly<Record<string, ShapeDefinition>>,
): InputValidator {
  const compiled = new Map<string, ValueValidator>();
  const lookup = (shapeName: string): ValueValidator => {
    const known = compiled.get(shapeName);
    if (known !== undefined) return known;
    if (!Object.hasOwn(shapes, shapeName)) throw new Error(`validation: no shape ${shapeName}`);
    // A recursive shape meets itself while compiling: hand out a forwarder until it is done.
    let validate: ValueValidator | undefined;
    compiled.set(shapeName, (value, path, violations) => validate?.(value, path, violations));
    try {
      validate = compileShape(shapes[shapeName] as ShapeDefinition, lookup);
    } catch (error) {
      compiled.delete(shapeName);
      throw error;
    }
    compiled.set(shapeName, validate);
    return validate;
  };
  return (shapeName, input) => {
    const validate = lookup(shapeName);
    if (!isJsonObject(input)) {
      throw new SerializationException('Expected a JSON object as the operation input');
    }
    const violations = new Violations();
    validate(input, '', violations);
    if (violations.count > 0) throw new InvalidParameterException(violations.toMessage());
  };
}

/** Validates the input of a served operation against the merged mailpat model. */
export const validateInput: InputValidator = createInputValidator(SERVICE_MODEL.shapes);
