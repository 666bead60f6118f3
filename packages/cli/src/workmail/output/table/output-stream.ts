/**
 * The stream the table is rendered into: stdout as aws sees it, collected in memory.
 * @module
 */
import { ANSI } from './constants.js';

/** The one method awscli's table rendering calls on its stream. */
export interface TextStream {
  write(text: string): void;
}

/**
 * Collects what aws writes to stdout. With autoreset it behaves as colorama's stdout wrapper does
 * on non-Windows systems: the text goes through unchanged, then RESET_ALL, for every call, even an
 * empty one, which is why colored aws output is full of repeated `\x1b[0m`.
 */
export class OutputBuffer implements TextStream {
  private readonly chunks: string[] = [];

  constructor(private readonly autoreset: boolean) {}

  /** Appends the text, plus RESET_ALL when autoreset is on. */
  write(text: string): void {
    this.chunks.push(text);
    if (this.autoreset) this.chunks.push(ANSI.RESET_ALL);
  }

  /** Everything written so far. */
  toString(): string {
    return this.chunks.join('');
  }
}
