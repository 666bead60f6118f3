/**
 * Option values of `mailpat workmail` converted as `aws workmail` converts them.
 * @module
 */
export { convertArgumentValue } from './convert-argument-value.js';
export type { ArgumentOption } from './convert-argument-value.js';
export type { ParamFileIo } from './param-file.js';
export { parsePythonJson } from './python-json.js';
export { readParamFile } from './read-param-file.js';
