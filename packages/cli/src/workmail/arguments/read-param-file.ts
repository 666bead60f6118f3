/**
 * The paramfile step for options mailpat handles itself, such as `--cli-input-json
 * file://input.json`: aws runs the same load-cli-arg handler on them.
 * @module
 */
import { paramError } from './param-error.js';
import { getParamFile, ResourceLoadingError } from './param-file.js';
import type { ParamFileIo } from './param-file.js';

/**
 * The contents of `file://...` (a string) or `fileb://...` (bytes), or undefined when `value`
 * has neither prefix. An unreadable file throws CliUsageError, e.g. "Error parsing parameter
 * '--cli-input-json': Unable to load paramfile file://nope: [Errno 2] No such file or
 * directory: 'nope'".
 */
export function readParamFile(
  optionName: string,
  value: string,
  io: ParamFileIo = {},
): string | Uint8Array | undefined {
  try {
    return getParamFile(value, io);
  } catch (error) {
    if (error instanceof ResourceLoadingError) throw paramError(optionName, error.message);
    throw error;
  }
}
