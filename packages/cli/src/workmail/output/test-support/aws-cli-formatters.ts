/**
 * Runs the real aws CLI v1 formatters (python3 + awscli) on many values in one process.
 * @module
 */
import { execFileSync } from 'node:child_process';

/** One value to format the way `aws ... --output <format>` would. */
export type FormatCase =
  | { format: 'json'; value: unknown }
  | { format: 'text'; value: unknown }
  | { format: 'table'; value: unknown; title: string; color: boolean; width: number };

/** What aws wrote to stdout, or the Python exception it died of. */
export type FormatOutcome = { output: string } | { error: string };

// Each value goes through the real formatter object as a `--query v` result of {"v": value}, so
// bare strings, numbers and null travel the path aws uses for them. sys.stdout is swapped for a
// StringIO before the formatter exists, so ColorizedStyler's colorama.init wraps it, as it wraps
// the real stdout; the terminal width lookup is pinned to the case's width.
const SCRIPT = String.raw`
import argparse, io, json, sys
import jmespath
import awscli.table
from awscli.formatter import get_formatter

real_stdout, real_stderr = sys.stdout, sys.stderr
results = []
for case in json.load(sys.stdin):
    width = case.get('width', 80)
    awscli.table.determine_terminal_width = lambda default_width=80, width=width: width
    buffer = io.StringIO()
    sys.stdout = buffer
    try:
        color = 'on' if case.get('color') else 'off'
        args = argparse.Namespace(query=jmespath.compile('v'), color=color)
        formatter = get_formatter(case['format'], args)
        formatter(case.get('title', 'Command'), {'v': case['value']})
        results.append({'output': buffer.getvalue()})
    except Exception as error:
        results.append({'error': type(error).__name__ + ': ' + str(error)})
    finally:
        sys.stdout, sys.stderr = real_stdout, real_stderr
json.dump(results, real_stdout)
`;

/**
 * Formats every case with awscli in a single python3 process. Values cross as JSON text written by
 * JSON.stringify, exactly as a response from our server reaches botocore.
 */
export function runAwsCliFormatters(cases: readonly FormatCase[]): FormatOutcome[] {
  const stdout = execFileSync('python3', ['-c', SCRIPT], {
    input: JSON.stringify(cases),
    maxBuffer: 512 * 1024 * 1024,
  });
  return JSON.parse(stdout.toString('utf8')) as FormatOutcome[];
}

/** Runs a python3 snippet that reads JSON on stdin and prints JSON, and returns the parsed result. */
export function runPythonJson<T>(script: string, input: unknown = null): T {
  const stdout = execFileSync('python3', ['-c', script], {
    input: JSON.stringify(input),
    maxBuffer: 512 * 1024 * 1024,
  });
  return JSON.parse(stdout.toString('utf8')) as T;
}
