/**
 * The API model mailpat serves, for the server, the client's generator and the CLI.
 * @module
 */
export { CLI_DOCS } from './cli-docs.js';
export type { CliDocs } from './cli-docs.js';
export { findModelOperation, findOperation, mergeModels, SERVICE_MODEL } from './service-model.js';
export type {
  MemberReference,
  ModelFile,
  OperationDefinition,
  ResolvedOperation,
  ServiceModel,
  ServiceName,
  ShapeDefinition,
} from './service-model.js';
