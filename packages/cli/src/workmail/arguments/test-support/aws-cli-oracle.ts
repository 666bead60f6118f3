/**
 * Runs cases through the installed aws CLI v1's own Python code (aws-cli-oracle.py), in one
 * python3 process per batch, so the parity tests compare mailpat with aws rather than with a
 * copy of aws's rules.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ShapeDefinition } from '@mailpat/model';

const ORACLE = fileURLToPath(new URL('./aws-cli-oracle.py', import.meta.url));

/** One question for aws: convert an option's words, or call one Python/aws function on `text`. */
export type OracleCase =
  | {
      kind?: 'argument';
      option: string;
      shape: string;
      values: string[];
      /** Run the real clidriver for this `aws workmail` operation instead of the bare chain. */
      operation?: string;
    }
  | { kind: 'json' | 'int' | 'float' | 'repr' | 'shorthand' | 'paramfile'; text: string }
  | { kind: 'classes' };

/** aws's answer: the value or the exception's text (`fixed`: as the release fixing #10467 says). */
export type OracleResult = { value: unknown } | { error: string; type: string; fixed?: string };

/** Where the cases run: the shapes for synthetic options, the directory and extra environment. */
export interface OracleContext {
  shapes?: Readonly<Record<string, ShapeDefinition>>;
  cwd?: string;
  env?: Record<string, string>;
}

/** Restores what JSON could not carry: bytes and non-finite floats. */
export function untag(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untag);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record['$bytes'] === 'string')
    return new Uint8Array(Buffer.from(record['$bytes'], 'base64'));
  if (typeof record['$float'] === 'string') {
    return { nan: NaN, inf: Infinity, '-inf': -Infinity }[record['$float']];
  }
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, untag(inner)]));
}

/** Runs the cases in one aws CLI process; results in the same order. */
export function runAwsCliOracle(cases: OracleCase[], context: OracleContext = {}): OracleResult[] {
  const output = execFileSync('python3', [ORACLE], {
    input: JSON.stringify({ shapes: context.shapes ?? {}, cases, cwd: context.cwd }),
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      // Keep the user's aws configuration (cli_follow_urlparam, profiles) out of the answers.
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_DEFAULT_REGION: 'us-east-1',
      ...context.env,
    },
  });
  const results = JSON.parse(output.toString()) as OracleResult[];
  return results.map((result) => ('value' in result ? { value: untag(result.value) } : result));
}

/** Runs `convert` on the same input and returns it in the oracle's form, for toEqual. */
export function outcomeOf(convert: () => unknown): OracleResult {
  try {
    return { value: convert() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), type: 'mailpat' };
  }
}

/** The result mailpat must match: aws's, with the fixed message where aws has the #10467 bug. */
export function expectedOf(result: OracleResult): { value: unknown } | { error: string } {
  if ('value' in result) return { value: result.value };
  return { error: result.fixed ?? result.error };
}

/** A mailpat outcome without the error class, to compare with expectedOf. */
export function comparable(result: OracleResult): { value: unknown } | { error: string } {
  return 'value' in result ? { value: result.value } : { error: result.error };
}
