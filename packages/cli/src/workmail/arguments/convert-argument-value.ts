/**
 * The value of one `mailpat workmail` option as the request member's JSON value, exactly
 * as `aws workmail` derives it (awscli clidriver, paramfile.py, argprocess.py, shorthand.py).
 *
 * @example
 * convertArgumentValue(
 *   { name: '--personal-access-token-configuration',
 *     shapeName: 'PersonalAccessTokenConfiguration' },
 *   ['Status=ACTIVE,LifetimeInDays=30'],
 *   SERVICE_MODEL.shapes,
 * ); // { Status: 'ACTIVE', LifetimeInDays: 30 }
 * @module
 */
import { isPyError, pyFloat, pyInt, pyRepr } from '@mailpat/client/python';
import { CliUsageError } from '../cli-errors.js';
import { paramError } from './param-error.js';
import { getParamFile, ResourceLoadingError } from './param-file.js';
import type { ParamFileIo } from './param-file.js';
import { parseAsShorthand, shouldParseAsShorthand } from './param-shorthand.js';
import type { PythonValue } from './python-value.js';
import { lookupShape } from './shape-table.js';
import type { ShapeTable } from './shape-table.js';
import { unpackValue } from './unpack-cli-arg.js';

/** The option being converted: its command-line name and the shape of its request member. */
export interface ArgumentOption {
  /** As typed, with the dashes: `--personal-access-token-configuration`. */
  name: string;
  /** The member's shape in `shapes`, e.g. `PersonalAccessTokenConfiguration`. */
  shapeName: string;
}

/**
 * What argparse makes of the words before aws sees them: one word for a non-list option, every
 * word for a list (aws declares lists nargs='*'); `long` and `float`/`double` converted already.
 */
function argparseValue(option: ArgumentOption, rawValues: string[], shapes: ShapeTable) {
  const type = lookupShape(shapes, option.shapeName).type;
  if (type === 'list') return [...rawValues];
  if (rawValues.length !== 1) {
    throw new CliUsageError(`argument ${option.name}: expected one argument`);
  }
  const raw = rawValues[0] as string;
  const convert =
    type === 'long' ? pyInt : type === 'float' || type === 'double' ? pyFloat : undefined;
  if (convert === undefined) return raw;
  try {
    return convert(raw);
  } catch {
    const typeName = type === 'long' ? 'int' : 'float';
    throw new CliUsageError(`argument ${option.name}: invalid ${typeName} value: ${pyRepr(raw)}`);
  }
}

/** The load-cli-arg step: a lone `file://`/`fileb://` word is replaced by the file's contents. */
function loadParamFile(option: ArgumentOption, value: PythonValue, io: ParamFileIo): PythonValue {
  const candidate = Array.isArray(value) && value.length === 1 ? value[0] : value;
  try {
    return getParamFile(candidate, io) ?? value;
  } catch (error) {
    if (error instanceof ResourceLoadingError) throw paramError(option.name, error.message);
    throw error;
  }
}

/**
 * Converts the words given for one option into the request member's value, as aws does: a
 * paramfile first, then shorthand or JSON for structures, maps and lists of those, then per-type
 * conversion of scalars (`int()`, `float()`, "false" for booleans, strings as given). A value
 * aws refuses throws CliUsageError with aws's message. Booleans are flags in aws (`--x`,
 * `--no-x`) and should not reach here; if one does, it converts like a list element would.
 * fileb:// contents come back as a Uint8Array.
 */
export function convertArgumentValue(
  option: ArgumentOption,
  rawValues: string[],
  shapes: ShapeTable,
  io: ParamFileIo = {},
): unknown {
  try {
    const value = loadParamFile(option, argparseValue(option, rawValues, shapes), io);
    if (shouldParseAsShorthand(option.shapeName, value, shapes)) {
      return parseAsShorthand(option, value, shapes, io);
    }
    return unpackValue(option.shapeName, value, option.name, shapes);
  } catch (error) {
    // aws prints these bare, without "Error parsing parameter": Python exceptions it does not
    // catch, and a `key@=file://...` inside shorthand that cannot be read.
    if (isPyError(error) || error instanceof ResourceLoadingError) {
      throw new CliUsageError(error.message, { cause: error });
    }
    throw error;
  }
}
