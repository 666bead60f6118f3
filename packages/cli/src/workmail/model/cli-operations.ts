/**
 * The commands of `mailpat workmail`: one per served operation, its options derived from
 * the input shape as the aws CLI derives them, documented from the botocore model.
 * @module
 */
import type { OperationName } from '@mailpat/client';
import { WORKMAIL_PAGINATORS } from '@mailpat/client';
import { CLI_DOCS, SERVICE_MODEL } from '@mailpat/model';
import type { ShapeDefinition } from '@mailpat/model';
import { toCliName } from './cli-name.js';

/** One input member as a command-line option. */
export interface CliParameter {
  /** The AWS member name, e.g. `OrganizationId`. */
  memberName: string;
  /** `--organization-id`. */
  optionName: string;
  shapeName: string;
  shape: ShapeDefinition;
  required: boolean;
  documentation: string;
  /**
   * The service's own paging members (`--next-token`, `--max-results`) of a paginated operation:
   * accepted but left out of the help, as the aws CLI does; giving one turns auto-pagination off.
   */
  pagingMember: boolean;
}

/** One `mailpat workmail <command>`. */
export interface CliOperation {
  operationName: OperationName;
  /** `list-personal-access-tokens`. */
  commandName: string;
  documentation: string;
  inputShape: string;
  parameters: CliParameter[];
  paginated: boolean;
}

function describeOperation(operationName: string, inputShape: string): CliOperation {
  const shape = SERVICE_MODEL.shapes[inputShape] as ShapeDefinition;
  const paginator = Object.hasOwn(WORKMAIL_PAGINATORS, operationName)
    ? WORKMAIL_PAGINATORS[operationName as keyof typeof WORKMAIL_PAGINATORS].config
    : undefined;
  const required = new Set(shape.required ?? []);
  const parameters = Object.entries(shape.members ?? {}).map(([memberName, reference]) => ({
    memberName,
    optionName: `--${toCliName(memberName)}`,
    shapeName: reference.shape,
    shape: SERVICE_MODEL.shapes[reference.shape] as ShapeDefinition,
    required: required.has(memberName),
    documentation: CLI_DOCS.members[`${inputShape}.${memberName}`] ?? '',
    pagingMember: memberName === paginator?.inputToken || memberName === paginator?.limitKey,
  }));
  return {
    operationName: operationName as OperationName,
    commandName: toCliName(operationName),
    documentation: CLI_DOCS.operations[operationName] ?? '',
    inputShape,
    parameters,
    paginated: paginator !== undefined,
  };
}

/** Every command, sorted by name as `aws workmail help` lists them. */
export const CLI_OPERATIONS: readonly CliOperation[] = Object.values(SERVICE_MODEL.services)
  .flatMap((service) =>
    Object.entries(service.operations).map(([name, operation]) =>
      describeOperation(name, operation.input),
    ),
  )
  .sort((a, b) => a.commandName.localeCompare(b.commandName));
