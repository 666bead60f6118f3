/**
 * The default conversion of an option's value (awscli/argprocess.py unpack_cli_arg), used
 * when shorthand does not apply: scalars per type, JSON for structures, maps and lists, and a
 * list of scalars element by element.
 * @module
 */
import {
  isPyError,
  PyAttributeError,
  pyFloat,
  PyIndexError,
  pyInt,
  pyLstrip,
  pyRepr,
  pyStrip,
  pyTruthy,
  PyTypeError,
  pyTypeName,
  PyValueError,
} from '@mailpat/client/python';
import type { ShapeDefinition } from '@mailpat/model';
import { paramError } from './param-error.js';
import { parsePythonJson } from './python-json.js';
import { isBytes } from './python-value.js';
import type { PythonValue } from './python-value.js';
import { innerShapeName, isScalarShape, lookupShape } from './shape-table.js';
import type { ShapeTable } from './shape-table.js';

/** Python's `str(value)` where aws formats a value into a message. */
function pythonStr(value: PythonValue): string {
  if (typeof value === 'string') return value;
  if (isBytes(value)) return pyRepr(value);
  return String(value);
}

/** `value.lstrip()[0]`: IndexError on an empty string, AttributeError on a non-string. */
function firstNonSpace(value: PythonValue): string | number {
  if (typeof value === 'string') {
    const stripped = pyLstrip(value);
    if (stripped === '') throw new PyIndexError('string index out of range');
    return Array.from(stripped)[0] as string;
  }
  if (isBytes(value)) {
    // bytes.lstrip() strips ASCII whitespace, and indexing bytes gives an int.
    const start = value.findIndex((byte) => !isAsciiSpace(byte));
    if (start < 0) throw new PyIndexError('index out of range');
    return value[start] as number;
  }
  throw new PyAttributeError(`'${pyTypeName(value)}' object has no attribute 'lstrip'`);
}

function isAsciiSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

function unpackJson(text: string, cliName: string): PythonValue {
  try {
    return parsePythonJson(text);
  } catch (error) {
    if (!(error instanceof PyValueError)) throw error;
    throw paramError(cliName, `Invalid JSON: ${error.message}\nJSON received: ${text}`);
  }
}

/** unpack_scalar_cli_arg: int()/float() for numbers, "false" (any case) is false, else as is. */
export function unpackScalar(shape: ShapeDefinition, value: PythonValue): PythonValue {
  if (shape.type === 'integer' || shape.type === 'long') return pyInt(value);
  if (shape.type === 'float' || shape.type === 'double') return pyFloat(value);
  if (shape.type === 'boolean') {
    if (typeof value === 'string' && value.toLowerCase() === 'false') return false;
    return pyTruthy(value);
  }
  // Streaming blobs (a file path) exist only in REST payloads, never in WorkMail's JSON protocol.
  return value;
}

/** Python iterates a str by code point and bytes by byte value. */
function iterate(value: PythonValue): PythonValue[] {
  if (typeof value === 'string') return Array.from(value);
  if (isBytes(value)) return Array.from(value);
  if (Array.isArray(value)) return value;
  throw new PyTypeError(`'${pyTypeName(value)}' object is not iterable`);
}

function firstItem(value: PythonValue): PythonValue {
  const items = iterate(value);
  if (items.length === 0) throw new PyIndexError('list index out of range');
  return items[0] as PythonValue;
}

function unpackList(
  shape: ShapeDefinition,
  value: PythonValue,
  cliName: string,
  shapes: ShapeTable,
) {
  if (typeof value === 'string') {
    if (firstNonSpace(value) === '[') return unpackJson(value, cliName);
  } else if (Array.isArray(value) && value.length === 1) {
    const single = value[0];
    if (typeof single === 'string' && pyStrip(single).startsWith('[')) {
      return unpackJson(single, cliName);
    }
  }
  const member = innerShapeName(shape, 'member');
  try {
    // Either a list of scalars (`--scopes IMAP SMTP`) or of JSON documents, one per word.
    return iterate(value).map((element) => unpackValue(member, element, cliName, shapes));
  } catch (error) {
    const caught = ['ValueError', 'TypeError'];
    if (!isPyError(error) || !caught.includes(error.name)) throw error;
    // aws names the first value, whichever element failed.
    throw paramError(cliName, pythonStr(firstItem(value)));
  }
}

/** _unpack_cli_arg for the shape `shapeName`. */
export function unpackValue(
  shapeName: string,
  value: PythonValue,
  cliName: string,
  shapes: ShapeTable,
): PythonValue {
  const shape = lookupShape(shapes, shapeName);
  if (isScalarShape(shape)) return unpackScalar(shape, value);
  if (shape.type === 'list') return unpackList(shape, value, cliName, shapes);
  // Only `str` can start with '{' (indexing bytes gives an int).
  if (firstNonSpace(value) === '{' && typeof value === 'string') return unpackJson(value, cliName);
  throw paramError(cliName, `Invalid JSON:\n${pythonStr(value)}`);
}
