/**
 * Parses a SigV4 `Authorization` header.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#add-signature-to-request
 * @module
 */
import { IncompleteSignatureException } from '../errors/index.js';
import { ALGORITHM, SCOPE_TERMINATOR } from './constants.js';
import { quoteForMessage } from './quote-for-message.js';

/** The parts of `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
export interface ParsedAuthorization {
  accessKeyId: string;
  /** YYYYMMDD of the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  /** Lower-case header names, as listed (sorted, unique). */
  signedHeaders: string[];
  /** 64 lower-case hex digits. */
  signature: string;
}

const PARAMETERS = ['Credential', 'SignedHeaders', 'Signature'] as const;
type Parameter = (typeof PARAMETERS)[number];

const SCOPE_ELEMENT = /^[^\s/,=]+$/;
const SCOPE_DATE = /^\d{8}$/;
const HEADER_LIST = /^[a-z0-9!#$%&'*+.^_`|~-]+(?:;[a-z0-9!#$%&'*+.^_`|~-]+)*$/;
const SIGNATURE = /^[0-9a-f]{64}$/;

/**
 * The form every SDK writes, read in one step on the hot path; anything else (other order,
 * extra spaces, or an error) goes through the step-by-step parser, which names the problem.
 */
const CANONICAL_FORM = new RegExp(
  `^${ALGORITHM} Credential=(?<accessKeyId>[^\\s/,=]+)/(?<scopeDate>\\d{8})/` +
    `(?<region>[^\\s/,=]+)/(?<service>[^\\s/,=]+)/${SCOPE_TERMINATOR}, ?` +
    `SignedHeaders=(?<list>[^\\s,]+), ?Signature=(?<signature>[0-9a-f]{64})$`,
);

/** Parses the header or throws IncompleteSignatureException naming what is wrong. */
export function parseAuthorization(header: string): ParsedAuthorization {
  const parts = CANONICAL_FORM.exec(header)?.groups;
  if (parts === undefined) return parseStepByStep(header);
  const { accessKeyId = '', scopeDate = '', region = '', service = '', signature = '' } = parts;
  const signedHeaders = parseSignedHeaders(parts.list ?? '');
  return { accessKeyId, scopeDate, region, service, signedHeaders, signature };
}

function parseStepByStep(header: string): ParsedAuthorization {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw new IncompleteSignatureException(
      `Unsupported Authorization algorithm ${quoteForMessage(algorithm)}; expected '${ALGORITHM}'.`,
    );
  }
  const parameters = readParameters(space < 0 ? '' : header.slice(space + 1));
  return {
    ...parseCredential(parameters.Credential),
    signedHeaders: parseSignedHeaders(parameters.SignedHeaders),
    signature: parseSignature(parameters.Signature),
  };
}

function readParameters(text: string): Record<Parameter, string> {
  const found = new Map<string, string>();
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    if (!(PARAMETERS as readonly string[]).includes(name) || found.has(name) || eq < 0) {
      throw new IncompleteSignatureException(
        `Authorization header has a malformed or repeated parameter ${quoteForMessage(item)}; ` +
          `expected 'Credential=..., SignedHeaders=..., Signature=...'.`,
      );
    }
    found.set(name, item.slice(eq + 1));
  }
  const missing = PARAMETERS.filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new IncompleteSignatureException(
      missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '),
    );
  }
  return Object.fromEntries(found) as Record<Parameter, string>;
}

function parseCredential(credential: string) {
  const elements = credential.split('/');
  const [accessKeyId, scopeDate, region, service, terminator] = elements;
  if (
    elements.length !== 5 ||
    !elements.every((element) => SCOPE_ELEMENT.test(element)) ||
    accessKeyId === undefined ||
    scopeDate === undefined ||
    region === undefined ||
    service === undefined
  ) {
    throw new IncompleteSignatureException(
      'Credential must have exactly 5 slash-delimited elements, e.g. ' +
        `keyid/date/region/service/term, got ${quoteForMessage(credential)}`,
    );
  }
  if (!SCOPE_DATE.test(scopeDate)) {
    throw new IncompleteSignatureException(
      `Credential scope date must be YYYYMMDD, got ${quoteForMessage(scopeDate)}.`,
    );
  }
  if (terminator !== SCOPE_TERMINATOR) {
    throw new IncompleteSignatureException(
      `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', ` +
        `not ${quoteForMessage(terminator ?? '')}.`,
    );
  }
  return { accessKeyId, scopeDate, region, service };
}

/** Canonical form only (lower case, sorted, unique), as every SigV4 signer writes it. */
function parseSignedHeaders(list: string): string[] {
  const names = list.split(';');
  let canonical = HEADER_LIST.test(list);
  for (let i = 1; canonical && i < names.length; i += 1) {
    canonical = (names[i - 1] as string) < (names[i] as string);
  }
  if (!canonical) {
    throw new IncompleteSignatureException(
      'SignedHeaders must be lower-case header names separated by semicolons, sorted and ' +
        `unique, got ${quoteForMessage(list)}.`,
    );
  }
  return names;
}

function parseSignature(signature: string): string {
  if (!SIGNATURE.test(signature)) {
    throw new IncompleteSignatureException(
      'Signature must be 64 lower-case hexadecimal digits (the hex-encoded HMAC-SHA256).',
    );
  }
  return signature;
}
