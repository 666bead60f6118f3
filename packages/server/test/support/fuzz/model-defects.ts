/**
 * Defects read from the API model, each one the server must refuse: a required member left out,
 * a member of the wrong JSON type, a string or number outside its constraints.
 * @module
 */
import { findModelOperation, SERVICE_MODEL } from '@mailpat/model';
import type { ShapeDefinition } from '@mailpat/model';
import type { OperationCall } from './operation-call.js';

/** Wrong-typed raw JSON values for a member of the given shape type (never null: null is absent). */
const WRONG_TYPES: Record<string, string[]> = {
  string: ['7', 'true', '{}', '["x"]', '1e400'],
  integer: ['"10"', '1.5', 'true', '{}', '[1]', '1e400', '-1e400'],
  long: ['"10"', '1.5', 'true', '{}'],
  boolean: ['"true"', '1', '0', '{}', '[]'],
  structure: ['"x"', '[]', '1', 'true'],
  list: ['"x"', '{}', '1', 'true'],
  map: ['"x"', '[]', '1'],
  timestamp: ['"yesterday"', '{}', 'true'],
};

function memberShapes(call: OperationCall): Record<string, ShapeDefinition> {
  const operation = findModelOperation(call.target);
  if (operation === undefined) return {};
  const input = SERVICE_MODEL.shapes[operation.inputShape]!;
  const shapes: Record<string, ShapeDefinition> = {};
  for (const [name, reference] of Object.entries(input.members ?? {})) {
    shapes[name] = SERVICE_MODEL.shapes[reference.shape]!;
  }
  return shapes;
}

/** The required members of the call's operation. */
export function requiredMembers(call: OperationCall): string[] {
  const operation = findModelOperation(call.target);
  return operation === undefined
    ? []
    : (SERVICE_MODEL.shapes[operation.inputShape]!.required ?? []);
}

/** The call without its `n`-th required member, or undefined if it has none. */
export function withoutRequiredMember(call: OperationCall, n: number): OperationCall | undefined {
  const required = requiredMembers(call);
  if (required.length === 0) return undefined;
  const name = required[n % required.length]!;
  return { ...call, members: call.members.filter(([member]) => member !== name) };
}

/** The call with its `n`-th member set to a value of the wrong JSON type. */
export function withWrongType(call: OperationCall, n: number): OperationCall | undefined {
  const shapes = memberShapes(call);
  const names = Object.keys(shapes).filter((name) => WRONG_TYPES[shapes[name]!.type]);
  if (names.length === 0) return undefined;
  const name = names[n % names.length]!;
  const choices = WRONG_TYPES[shapes[name]!.type]!;
  return replaceMember(call, name, choices[Math.floor(n / names.length) % choices.length]!);
}

/** The call with its `n`-th constrained member just outside its length or range. */
export function withViolatedConstraint(call: OperationCall, n: number): OperationCall | undefined {
  const shapes = memberShapes(call);
  const violations: [string, string][] = [];
  for (const [name, shape] of Object.entries(shapes)) {
    if (shape.type === 'string' && shape.enum) violations.push([name, '"NOT_AN_ENUM_VALUE"']);
    if (shape.type === 'string' && shape.max !== undefined) {
      violations.push([name, JSON.stringify('a'.repeat(shape.max + 1))]);
    }
    if (shape.type === 'string' && (shape.min ?? 0) >= 1) violations.push([name, '""']);
    if (shape.type === 'integer' && shape.max !== undefined)
      violations.push([name, `${shape.max + 1}`]);
    if (shape.type === 'integer' && shape.min !== undefined)
      violations.push([name, `${shape.min - 1}`]);
    if (shape.type === 'list' && shape.max !== undefined) {
      violations.push([name, JSON.stringify(Array.from({ length: shape.max + 1 }, () => 'IMAP'))]);
    }
  }
  if (violations.length === 0) return undefined;
  const [name, value] = violations[n % violations.length]!;
  return replaceMember(call, name, value);
}

/** The call with `name` set to `value` (added when absent). */
export function replaceMember(call: OperationCall, name: string, value: string): OperationCall {
  const others = call.members.filter(([member]) => member !== name);
  return { ...call, members: [...others, [name, value]] };
}
