/**
 * The API model mailpat serves: the WorkMail subset extracted from botocore
 * (scripts/extract-model.mjs) merged with the hand-written MailpatService extensions.
 * @module
 */
import workmailModelJson from './workmail-model.json' with { type: 'json' };
import mailpatExtensionsJson from './mailpat-extensions.json' with { type: 'json' };

/** The X-Amz-Target prefixes mailpat answers to. */
export type ServiceName = 'WorkMailService' | 'MailpatService';

/** A reference from a structure member, list member or map key/value to a named shape. */
export interface MemberReference {
  shape: string;
  idempotencyToken?: boolean;
}

/** One botocore shape, as the model writes it (documentation stripped). */
export interface ShapeDefinition {
  type:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'float'
    | 'double'
    | 'boolean'
    | 'timestamp'
    | 'blob';
  members?: Record<string, MemberReference>;
  required?: string[];
  member?: MemberReference;
  key?: MemberReference;
  value?: MemberReference;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
  box?: boolean;
  exception?: boolean;
}

/** One operation: shape names of its input, output and modeled errors. */
export interface OperationDefinition {
  input: string;
  output: string;
  errors: string[];
}

/** The file format of workmail-model.json and mailpat-extensions.json. */
export interface ModelFile {
  metadata: Record<string, unknown> & { targetPrefix: string };
  operations: Record<string, OperationDefinition>;
  shapes: Record<string, ShapeDefinition>;
}

/** Both services with one shape namespace (extensions reuse WorkMail shapes by name). */
export interface ServiceModel {
  services: Record<ServiceName, Pick<ModelFile, 'metadata' | 'operations'>>;
  shapes: Readonly<Record<string, ShapeDefinition>>;
}

/** What an X-Amz-Target resolves to. */
export interface ResolvedOperation {
  service: ServiceName;
  name: string;
  inputShape: string;
  outputShape: string;
}

/** Merges the model files; a shape defined twice or a dangling reference is a load-time error. */
export function mergeModels(workmail: ModelFile, extensions: ModelFile): ServiceModel {
  const shapes: Record<string, ShapeDefinition> = { ...workmail.shapes };
  for (const [name, shape] of Object.entries(extensions.shapes)) {
    if (Object.hasOwn(shapes, name)) throw new Error(`model: shape ${name} is defined twice`);
    shapes[name] = shape;
  }
  const operations = [
    ...Object.values(workmail.operations),
    ...Object.values(extensions.operations),
  ];
  for (const operation of operations) {
    for (const reference of [operation.input, operation.output, ...operation.errors]) {
      if (!Object.hasOwn(shapes, reference)) throw new Error(`model: no shape ${reference}`);
    }
  }
  for (const [name, shape] of Object.entries(shapes)) {
    for (const reference of referencesOf(shape)) {
      if (!Object.hasOwn(shapes, reference)) {
        throw new Error(`model: shape ${name} refers to undefined shape ${reference}`);
      }
    }
  }
  return {
    services: {
      WorkMailService: { metadata: workmail.metadata, operations: workmail.operations },
      MailpatService: { metadata: extensions.metadata, operations: extensions.operations },
    },
    shapes,
  };
}

function referencesOf(shape: ShapeDefinition): string[] {
  const references = Object.values(shape.members ?? {}).map((member) => member.shape);
  for (const inner of [shape.member, shape.key, shape.value]) {
    if (inner) references.push(inner.shape);
  }
  return references;
}

/** The merged model every other module reads. */
export const SERVICE_MODEL: ServiceModel = mergeModels(
  workmailModelJson as unknown as ModelFile,
  mailpatExtensionsJson as unknown as ModelFile,
);

/** Resolves `WorkMailService.<Op>` / `MailpatService.<Op>`; anything else is undefined. */
export function findOperation(target: string): ResolvedOperation | undefined {
  const dot = target.indexOf('.');
  if (dot < 0) return undefined;
  const service = target.slice(0, dot);
  const name = target.slice(dot + 1);
  if (service !== 'WorkMailService' && service !== 'MailpatService') return undefined;
  const operations = SERVICE_MODEL.services[service].operations;
  if (!Object.hasOwn(operations, name)) return undefined;
  const operation = operations[name] as OperationDefinition;
  return { service, name, inputShape: operation.input, outputShape: operation.output };
}

/** findOperation under a name that does not clash with the operations registry's own lookup. */
export const findModelOperation = findOperation;
