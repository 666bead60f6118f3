/**
 * When and how an option's value is read as shorthand (awscli/argprocess.py
 * ParamShorthandParser): only for structures, maps and lists of those, and only when the value
 * does not look like JSON; each word of a list option is parsed on its own.
 * @module
 */
import { pyStrip, PyTypeError, setOwn } from '@mailpat/client/python';
import type { ShapeDefinition } from '@mailpat/model';
import { applyBackCompatVisitor } from './back-compat-visitor.js';
import { paramError } from './param-error.js';
import { getParamFile } from './param-file.js';
import type { ParamFileIo } from './param-file.js';
import { isBytes } from './python-value.js';
import type { PythonDict, PythonValue } from './python-value.js';
import { lookupShape } from './shape-table.js';
import type { ShapeTable } from './shape-table.js';
import { ShorthandParseError } from './shorthand-errors.js';
import { ShorthandParser } from './shorthand-parser.js';

const isComplex = (shape: ShapeDefinition) =>
  shape.type === 'structure' || shape.type === 'list' || shape.type === 'map';

/**
 * _supports_shorthand_syntax: structures, maps, and lists of those. Lists of scalars take one
 * value per word instead, which is also why aws documents no shorthand for them.
 */
export function supportsShorthand(shapeName: string, shapes: ShapeTable): boolean {
  const shape = lookupShape(shapes, shapeName);
  if (!isComplex(shape)) return false;
  if (shape.type !== 'list') return true;
  return isComplex(lookupShape(shapes, shape.member?.shape ?? ''));
}

/** _should_parse_as_shorthand: a value (a list's first word) starting with [ or { is JSON. */
export function shouldParseAsShorthand(
  shapeName: string,
  value: PythonValue,
  shapes: ShapeTable,
): boolean {
  const check = Array.isArray(value) && value.length > 0 ? value[0] : value;
  if (typeof check === 'string' && /^[[{]/.test(pyStrip(check))) return false;
  return supportsShorthand(shapeName, shapes);
}

/**
 * The one special case that applies to WorkMail: a structure whose only member is a string named
 * Value may be given bare (`--x shutdown` is {Value: 'shutdown'}). The other special case is
 * limited to firehose, workspaces and elb operations.
 */
function valueStructure(shape: ShapeDefinition, value: PythonValue, shapes: ShapeTable) {
  const members = Object.keys(shape.members ?? {});
  if (shape.type !== 'structure' || members.length !== 1 || members[0] !== 'Value')
    return undefined;
  if (lookupShape(shapes, shape.members?.['Value']?.shape ?? '').type !== 'string')
    return undefined;
  if (isBytes(value)) {
    throw new PyTypeError("a bytes-like object is required, not 'str'");
  }
  if (typeof value !== 'string' || value.includes('=')) return undefined;
  const result: PythonDict = {};
  setOwn(result, 'Value', value);
  return result;
}

/**
 * ShorthandParser.parse on a value that is not a str: a fileb:// paramfile gives bytes, on which
 * Python's parser fails with these TypeErrors (reading a character; placing the caret under EOF).
 */
function parseOne(parser: ShorthandParser, value: PythonValue): PythonDict {
  if (typeof value === 'string') return parser.parse(value);
  if (isBytes(value) && value.length === 0) {
    throw new PyTypeError("a bytes-like object is required, not 'str'");
  }
  throw new PyTypeError("'in <string>' requires string as left operand, not int");
}

/**
 * _parse_as_shorthand: parses, then converts per the model. A syntax error is reported with the
 * option; a conversion error (`int('x')`) escapes bare, as in aws.
 */
export function parseAsShorthand(
  option: { name: string; shapeName: string },
  value: PythonValue,
  shapes: ShapeTable,
  io: ParamFileIo,
): PythonValue {
  const shape = lookupShape(shapes, option.shapeName);
  try {
    const special = valueStructure(shape, value, shapes);
    if (special !== undefined) return special;
    // `key@=file://...` reads a file inside shorthand; its failure escapes without the option.
    const parser = new ShorthandParser((text) => getParamFile(text, io));
    const parsed = Array.isArray(value)
      ? value.map((word) => parseOne(parser, word))
      : parseOne(parser, value);
    applyBackCompatVisitor(parsed, option.shapeName, shapes);
    return parsed;
  } catch (error) {
    if (error instanceof ShorthandParseError) throw paramError(option.name, error.message);
    throw error;
  }
}
