#!/usr/bin/env node
/**
 * Extracts the part of the Amazon WorkMail botocore model that mailpat serves.
 *
 * Usage (from the repo root):
 *   node packages/model/scripts/extract-model.mjs [path/to/service-2.json] [path/to/output.json]
 *
 * Defaults: reads `aws-model/service-2.json` and writes
 * `src/workmail-model.json`, both relative to packages/model (so the
 * script works from any working directory). The output is
 * `{ metadata, operations: { Name: { input, output, errors } }, shapes }` where `input`/`output`
 * are shape names, `errors` a list of shape names, and `shapes` holds only the shapes reachable
 * from the selected operations (inputs, outputs and errors), with every `documentation` field
 * removed. Keys are written in sorted order so a re-run produces a stable diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SOURCE = resolve(PACKAGE_ROOT, 'aws-model/service-2.json');
const DEFAULT_TARGET = resolve(PACKAGE_ROOT, 'src/workmail-model.json');

/** The WorkMail operations mailpat serves (see CONTRACT.md, "Admin API"). */
const OPERATIONS = [
  'CreateOrganization',
  'DescribeOrganization',
  'ListOrganizations',
  'DeleteOrganization',
  'ListMailDomains',
  'GetMailDomain',
  'CreateUser',
  'DescribeUser',
  'ListUsers',
  'UpdateUser',
  'DeleteUser',
  'RegisterToWorkMail',
  'DeregisterFromWorkMail',
  'ResetPassword',
  'PutIdentityProviderConfiguration',
  'DescribeIdentityProviderConfiguration',
  'DeleteIdentityProviderConfiguration',
  'ListPersonalAccessTokens',
  'GetPersonalAccessTokenMetadata',
  'DeletePersonalAccessToken',
];

/**
 * Errors mailpat answers with that WorkMail does not list for the operation. WorkMail lists
 * MailDomainInUseException on RegisterMailDomain; mailpat registers an organization's domains in
 * CreateOrganization, so a domain another organization holds is refused there with the same code.
 */
const EXTRA_ERRORS = {
  CreateOrganization: ['MailDomainInUseException'],
};

/** The metadata keys worth keeping: everything a server or client needs to speak the protocol. */
const METADATA_KEYS = [
  'apiVersion',
  'endpointPrefix',
  'jsonVersion',
  'protocol',
  'serviceFullName',
  'serviceId',
  'signatureVersion',
  'targetPrefix',
  'uid',
];

function main(argv) {
  const source = argv[0] ? resolve(argv[0]) : DEFAULT_SOURCE;
  const target = argv[1] ? resolve(argv[1]) : DEFAULT_TARGET;
  const model = JSON.parse(readFileSync(source, 'utf8'));
  const extracted = extract(model, OPERATIONS);
  writeFileSync(target, JSON.stringify(sortKeys(extracted), null, 2) + '\n');
  const counts = `${Object.keys(extracted.operations).length} operations, ${Object.keys(extracted.shapes).length} shapes`;
  console.log(`wrote ${target} (${counts})`);
}

/** Builds the reduced model: selected operations plus the transitive closure of their shapes. */
function extract(model, operationNames) {
  const operations = {};
  const roots = [];
  for (const name of operationNames) {
    const operation = model.operations[name];
    if (!operation) throw new Error(`operation ${name} is not in the model`);
    const errors = (operation.errors ?? []).map((error) => error.shape);
    for (const extra of EXTRA_ERRORS[name] ?? []) {
      if (errors.includes(extra)) throw new Error(`${name} already lists ${extra}`);
      errors.push(extra);
    }
    operations[name] = {
      input: operation.input?.shape,
      output: operation.output?.shape,
      errors,
    };
    if (operation.input) roots.push(operation.input.shape);
    if (operation.output) roots.push(operation.output.shape);
    roots.push(...errors);
  }
  const shapes = {};
  for (const shapeName of reachableShapes(model.shapes, roots)) {
    shapes[shapeName] = stripDocumentation(model.shapes[shapeName]);
  }
  const metadata = {};
  for (const key of METADATA_KEYS) {
    if (key in model.metadata) metadata[key] = model.metadata[key];
  }
  return { metadata, operations, shapes };
}

/** Walks structure members, list members and map keys/values from the root shape names. */
function reachableShapes(allShapes, roots) {
  const seen = new Set();
  const pending = [...roots];
  while (pending.length > 0) {
    const name = pending.pop();
    if (seen.has(name)) continue;
    const shape = allShapes[name];
    if (!shape) throw new Error(`shape ${name} is referenced but not defined`);
    seen.add(name);
    for (const member of Object.values(shape.members ?? {})) pending.push(member.shape);
    if (shape.member) pending.push(shape.member.shape);
    if (shape.key) pending.push(shape.key.shape);
    if (shape.value) pending.push(shape.value.shape);
  }
  return [...seen];
}

/** A deep copy without any `documentation` key (members carry their own documentation too). */
function stripDocumentation(value) {
  if (Array.isArray(value)) return value.map(stripDocumentation);
  if (value === null || typeof value !== 'object') return value;
  const copy = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'documentation') continue;
    copy[key] = stripDocumentation(inner);
  }
  return copy;
}

/**
 * Sorts object keys for a stable output, except the order of structure `members`, which is kept:
 * it is the order AWS documents and serialises members in.
 */
function sortKeys(value, keepOrder = false) {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item));
  if (value === null || typeof value !== 'object') return value;
  const keys = keepOrder ? Object.keys(value) : Object.keys(value).sort();
  const sorted = {};
  for (const key of keys) sorted[key] = sortKeys(value[key], key === 'members');
  return sorted;
}

main(process.argv.slice(2));
