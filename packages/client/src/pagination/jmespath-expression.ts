/**
 * Compiled JMESPath expressions, as botocore keeps `jmespath.compile(...)` results.
 * @module
 */
import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';

/** A compiled expression that still knows its source text (botocore's `.expression`). */
export interface CompiledExpression {
  readonly expression: string;
  readonly ast: ReturnType<typeof compile>;
}

/**
 * Compiles `expression`, throwing on a syntax error as `jmespath.compile` does. jmespath.py still
 * reads an unquoted literal (`` `ENABLED` ``) as a string, and AWS's examples rely on it.
 */
export function compileExpression(expression: string): CompiledExpression {
  return { expression, ast: compile(expression, { enable_legacy_literals: true }) };
}

/** Evaluates a compiled expression against `data`; missing values are `null` (Python None). */
export function searchExpression(compiled: CompiledExpression, data: unknown): unknown {
  return TreeInterpreter.search(compiled.ast, data as JSONValue) ?? null;
}
