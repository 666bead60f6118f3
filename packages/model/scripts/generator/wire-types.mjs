/**
 * The server's wire input types: each operation's input as the handler receives it after JSON
 * parsing and model validation (timestamps as epoch seconds, blobs as base64 strings).
 * @module
 */
import {
  HEADER,
  WIRE_SCALARS,
  isEnum,
  moduleDoc,
  operations,
  renderStructure,
  shapes,
} from './served-model.mjs';

/** An enum as a union of its values: handlers compare strings, they need no runtime object. */
function renderEnumType(name) {
  const values = shapes[name].enum.map((v) => `'${v}'`).join(' | ');
  return `/** One of the values of ${name}. */\nexport type ${name} = ${values};\n`;
}

/** The shared shapes the inputs name, directly or through other shared shapes. */
function renderSharedShapes(used) {
  const rendered = new Map();
  while (rendered.size < used.size) {
    for (const name of [...used].filter((n) => !rendered.has(n))) {
      rendered.set(
        name,
        isEnum(shapes[name])
          ? renderEnumType(name)
          : renderStructure(name, `The ${name} structure.`, used, WIRE_SCALARS),
      );
    }
  }
  return [...rendered].sort(([a], [b]) => a.localeCompare(b)).map(([, text]) => text);
}

function renderInputMap() {
  const entries = operations.map(([name, op]) => `  ${name}: ${op.input};`).join('\n');
  return (
    `/** The wire input of each served operation, by AWS operation name. */\n` +
    `export interface OperationInputs {\n${entries}\n}\n\n` +
    `/** The name of an operation the model serves (WorkMailService and MailpatService). */\n` +
    `export type ServedOperationName = keyof OperationInputs;\n`
  );
}

/** packages/model/src/generated/wire-types.ts. */
export function renderWireTypes() {
  const used = new Set();
  const inputs = operations.map(([name, op]) =>
    renderStructure(
      op.input,
      `The wire input of ${name} (\`${op.prefix}.${name}\`).`,
      used,
      WIRE_SCALARS,
    ),
  );
  const shared = renderSharedShapes(used);
  const doc = moduleDoc(
    'Operation inputs as the server receives them, after JSON parsing and model validation.',
  );
  return `${HEADER}${doc}\n${inputs.join('\n')}\n${shared.join('\n')}\n${renderInputMap()}`;
}
