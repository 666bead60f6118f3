/**
 * Quoting and naming for generated shell code that bash and zsh both read.
 * @module
 */

/** `word` as one single-quoted shell word: nothing inside is expanded by either shell. */
export function quoteShellWord(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A shell array literal of `words`, each quoted: `('json' 'text')`. */
export function shellArray(words: readonly string[]): string {
  return `(${words.map(quoteShellWord).join(' ')})`;
}

/** The completion function's name for a program: `_mailpat`, as zsh's `#compdef` convention has it. */
export function completionFunctionName(programName: string): string {
  return `_${programName.replace(/[^A-Za-z0-9_]/g, '_')}`;
}
