/**
 * The model-driven sources of @mailpat/client: input/output interfaces with `Date` timestamps,
 * the operation table, the timestamp member list and one error class per error code.
 * @module
 */
import {
  HEADER,
  camel,
  docs,
  isEnum,
  isShared,
  kebab,
  moduleDoc,
  operations,
  renderStructure,
  shapes,
} from './served-model.mjs';

function renderEnum(name) {
  const values = shapes[name].enum.map((v) => `  ${v}: '${v}',\n`).join('');
  return (
    `/** The values of ${name}. */\nexport const ${name} = {\n${values}} as const;\n` +
    `/** One of the values of ${name}. */\n` +
    `export type ${name} = (typeof ${name})[keyof typeof ${name}];\n`
  );
}

function renderShapes() {
  const names = Object.keys(shapes)
    .filter(isShared)
    .sort((a, b) => a.localeCompare(b));
  const body = names
    .map((name) =>
      isEnum(shapes[name])
        ? renderEnum(name)
        : renderStructure(name, `The ${name} structure.`, new Set()),
    )
    .join('\n');
  return `${HEADER}${moduleDoc('Structures and enums shared by several operations.')}\n${body}`;
}

function renderOperation(name, op) {
  const used = new Set();
  const input = renderStructure(op.input, `The input of ${name}.`, used);
  const output = renderStructure(op.output, `The output of ${name}.`, used);
  const imports = [...used].sort().join(', ');
  return (
    `${HEADER}/**\n * Input and output of ${name} (\`${op.prefix}.${name}\`):\n` +
    ` * ${docs.operations[name]}\n * @module\n */\n` +
    `import type { MetadataBearer } from './metadata.js';\n` +
    (imports ? `import type { ${imports} } from './shapes.js';\n` : '') +
    `\n${input}\n${output}\n` +
    `/** What \`${camel(name)}\` resolves with: the output plus \`$metadata\`. */\n` +
    `export type ${name}CommandOutput = ${op.output} & MetadataBearer;\n`
  );
}

function renderOperationTable() {
  const imports = operations
    .map(([n, op]) => `import type { ${op.input}, ${op.output} } from '../types/${kebab(n)}.js';`)
    .join('\n');
  const map = operations
    .map(([n, op]) => `  ${n}: { input: ${op.input}; output: ${op.output} };`)
    .join('\n');
  const table = operations
    .map(([n, op]) => {
      const members = Object.entries(shapes[op.input].members ?? {});
      const tokens = members.filter(([, ref]) => ref.idempotencyToken).map(([m]) => `'${m}'`);
      return `  ${n}: { target: '${op.prefix}.${n}', idempotencyTokens: [${tokens.join(', ')}] },`;
    })
    .join('\n');
  return (
    `${HEADER}${moduleDoc('The operations the client calls: X-Amz-Target and types of each.')}` +
    `${imports}\n\n/** Input and output type of each operation, by AWS operation name. */\n` +
    `export interface OperationMap {\n${map}\n}\n\n/** An AWS operation name. */\n` +
    `export type OperationName = keyof OperationMap;\n\n` +
    `/** How one operation goes on the wire. */\nexport interface OperationDescriptor {\n` +
    `  target: string;\n  /** Members filled with a random UUID when the caller omits them. */\n` +
    `  idempotencyTokens: readonly string[];\n}\n\n` +
    `/** Every operation the server serves. */\n` +
    `export const OPERATIONS: Readonly<Record<OperationName, OperationDescriptor>> = {\n${table}\n};\n`
  );
}

/** Member names whose shape is a timestamp; throws if a name is a timestamp in one shape only. */
function renderTimestampMembers() {
  const kinds = new Map();
  for (const shape of Object.values(shapes)) {
    for (const [member, ref] of Object.entries(shape.members ?? {})) {
      const isTimestamp = shapes[ref.shape].type === 'timestamp';
      if (kinds.has(member) && kinds.get(member) !== isTimestamp) {
        throw new Error(`member ${member} is a timestamp in some shapes only`);
      }
      kinds.set(member, isTimestamp);
    }
  }
  const names = [...kinds].filter(([, t]) => t).map(([m]) => `  '${m}',`);
  return (
    `${HEADER}/**\n * Output members that are timestamps in the model. No member name is a timestamp in ` +
    `one\n * shape and not in another (the generator checks), so a name is enough.\n * @module\n */\n\n` +
    `/** Members deserialised from epoch seconds to \`Date\`. */\n` +
    `export const TIMESTAMP_MEMBERS: ReadonlySet<string> = new Set([\n${names.sort().join('\n')}\n]);\n`
  );
}

function errorTable() {
  const modeled = [...new Set(operations.flatMap(([, op]) => op.errors))].sort();
  for (const name of modeled) {
    if (!docs.errors[name]) throw new Error(`model-docs.json: no doc for ${name}`);
  }
  const protocol = Object.entries(docs.protocolErrors).map(([name, [fault, doc]]) => ({
    name,
    fault,
    doc,
  }));
  return [
    ...modeled.map((name) => ({ name, fault: 'client', doc: docs.errors[name] })),
    ...protocol,
  ];
}

function renderErrorClass({ name, fault, doc }) {
  return (
    `${HEADER}${moduleDoc(`${name}: an error code the service answers with (${fault} fault).`)}` +
    `import type { ServiceExceptionOptions } from './workmail-service-exception.js';\n` +
    `import { WorkMailServiceException } from './workmail-service-exception.js';\n\n` +
    `/** ${doc} */\nexport class ${name} extends WorkMailServiceException {\n` +
    `  override readonly name = '${name}' as const;\n` +
    `  override readonly $fault = '${fault}' as const;\n\n` +
    `  constructor(options: ServiceExceptionOptions) {\n` +
    `    super({ ...options, name: '${name}', $fault: '${fault}' });\n  }\n}\n`
  );
}

function renderErrorRegistry(errors) {
  const imports = errors.map(({ name }) => `import { ${name} } from './${kebab(name)}.js';`);
  const entries = errors.map(({ name }) => `  ${name},`);
  return (
    `${HEADER}${moduleDoc('Every error class the client decodes, by error code.')}` +
    `${imports.join('\n')}\n\n/** The class of each known error code. */\n` +
    `export const ERROR_CLASSES = {\n${entries.join('\n')}\n} as const;\n\n` +
    `/** A known error code. */\nexport type ErrorCode = keyof typeof ERROR_CLASSES;\n\n` +
    `/** The instance type of each known error code. */\n` +
    `export type ErrorByCode = { [C in ErrorCode]: InstanceType<(typeof ERROR_CLASSES)[C]> };\n`
  );
}

function renderTypesIndex() {
  const shared = Object.keys(shapes).filter(isShared).sort();
  const enums = shared.filter((name) => isEnum(shapes[name]));
  const structures = shared.filter((name) => !isEnum(shapes[name]));
  const lines = [
    `export { ${enums.join(', ')} } from './shapes.js';`,
    `export type { ${structures.join(', ')} } from './shapes.js';`,
    `export type { MetadataBearer, ResponseMetadata } from './metadata.js';`,
    ...operations.map(
      ([n, op]) =>
        `export type { ${op.input}, ${op.output}, ${n}CommandOutput } from './${kebab(n)}.js';`,
    ),
  ];
  return `${HEADER}${moduleDoc('Every input, output and shared type, by name.')}${lines.join('\n')}\n`;
}

/** Every generated client file, by path under packages/client/src. */
export function renderClientSources() {
  const files = new Map();
  files.set('types/index.ts', renderTypesIndex());
  files.set('types/shapes.ts', renderShapes());
  for (const [name, op] of operations) {
    if (!docs.operations[name]) throw new Error(`model-docs.json: no doc for ${name}`);
    files.set(`types/${kebab(name)}.ts`, renderOperation(name, op));
  }
  files.set('model/operations.ts', renderOperationTable());
  files.set('model/timestamp-members.ts', renderTimestampMembers());
  const errors = errorTable();
  for (const error of errors) files.set(`errors/${kebab(error.name)}.ts`, renderErrorClass(error));
  files.set('errors/error-classes.ts', renderErrorRegistry(errors));
  return files;
}
