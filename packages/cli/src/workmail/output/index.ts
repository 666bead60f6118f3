/**
 * The aws CLI's three output formats (json, text, table), printed exactly as aws does.
 * @module
 */
export { formatJson } from './format-json.js';
export { formatTable } from './format-table.js';
export type { TableOptions } from './format-table.js';
export { formatText } from './format-text.js';
export { UnformattableValueError } from './unformattable-value-error.js';
