/**
 * The operation input from the command line: `--cli-input-json` first, then each option
 * converted by its member's shape (options win), then the required members checked.
 * @module
 */
import type { Command } from 'commander';
import { SERVICE_MODEL } from '@mailpat/model';
import { convertArgumentValue, parsePythonJson, readParamFile } from './arguments/index.js';
import { CliUsageError } from './cli-errors.js';
import type { CliOperation } from './model/cli-operations.js';

/** The input, and which paging members the command line set itself. */
export interface BuiltInput {
  input: Record<string, unknown>;
  /** `--next-token` / `--max-results` given: the user pages by hand. */
  manualPaging: boolean;
}

/** Builds the input of `operation` from the parsed options of `command`. */
export function buildInput(operation: CliOperation, command: Command): BuiltInput {
  const options = command.opts<Record<string, unknown>>();
  const input = readCliInputJson(options.cliInputJson);
  rejectUnknownMembers(operation, input);
  let manualPaging = false;
  for (const parameter of operation.parameters) {
    const option = command.options.find((candidate) => candidate.long === parameter.optionName);
    const raw = option === undefined ? undefined : options[option.attributeName()];
    if (raw === undefined) continue;
    manualPaging ||= parameter.pagingMember;
    input[parameter.memberName] =
      typeof raw === 'boolean'
        ? raw
        : convertArgumentValue(
            { name: parameter.optionName, shapeName: parameter.shapeName },
            Array.isArray(raw) ? (raw as string[]) : [String(raw)],
            SERVICE_MODEL.shapes,
          );
  }
  const missing = operation.parameters.filter(
    (parameter) => parameter.required && input[parameter.memberName] === undefined,
  );
  if (missing.length > 0) {
    const names = missing.map((parameter) => parameter.optionName).join(', ');
    throw new CliUsageError(`the following arguments are required: ${names}`);
  }
  return { input, manualPaging };
}

function readCliInputJson(raw: unknown): Record<string, unknown> {
  if (raw === undefined) return {};
  const loaded = readParamFile('--cli-input-json', String(raw));
  const text =
    loaded === undefined
      ? String(raw)
      : typeof loaded === 'string'
        ? loaded
        : Buffer.from(loaded).toString('utf8');
  let parsed: unknown;
  try {
    // Python's json.loads, so what aws accepts (and its error texts) carry over exactly.
    parsed = parsePythonJson(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliUsageError(
      `Error parsing parameter 'cli-input-json': Invalid JSON: ${reason}\nJSON received: ${text}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliUsageError(
      `Error parsing parameter '--cli-input-json': the JSON must be an object of input members.`,
    );
  }
  return parsed as Record<string, unknown>;
}

/** botocore's client-side check, so a typo in a --cli-input-json file is not silently ignored. */
function rejectUnknownMembers(operation: CliOperation, input: Record<string, unknown>): void {
  const known = operation.parameters.map((parameter) => parameter.memberName);
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) {
      throw new CliUsageError(
        `Parameter validation failed:\nUnknown parameter in input: "${key}", must be one of: ` +
          known.join(', '),
      );
    }
  }
}
