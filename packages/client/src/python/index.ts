/**
 * `@mailpat/client/python`: the one emulation of the Python behaviour botocore and the aws CLI
 * show to a user (repr, int/float, json.dumps, base64, truthiness, exceptions). The client's
 * paginators and the CLI both import it from here.
 * @module
 */

export { CodePointRanges, encodeCodePointRanges } from './code-point-ranges.js';
export { NON_PRINTABLE } from './non-printable.js';
export { pyB64Decode, pyB64Encode } from './py-base64.js';
export {
  isPyError,
  isValueOrTypeError,
  PyAttributeError,
  PyError,
  PyIndexError,
  PyOverflowError,
  PyRecursionError,
  PyTypeError,
  PyValueError,
} from './py-errors.js';
export { pyFloatRepr, pyJsonNumberRepr, pyNumberRepr } from './py-float.js';
export { pyFloat, pyInt } from './py-number.js';
export { pyJsonDumps, quotePyJsonString } from './py-json.js';
export { pyJsonRepr, pyJsonStr, pyRepr } from './py-repr.js';
export { pyRepeat } from './py-repeat.js';
export { pyRound } from './py-round.js';
export { compareCodePoints, pySorted } from './py-sorted.js';
export { pyUpper } from './py-upper.js';
export { isPlainObject, pyTypeName, setOwn } from './py-types.js';
export { pyAdd, pyEquals, pyLen, pySlice, pyTruthy, toSliceIndex } from './py-values.js';
export { isPySpace, PY_SPACE_CLASS, pyLstrip, pyRstrip, pyStrip } from './py-whitespace.js';
