/**
 * awscli's `IndentedStream`: draws a nested section's outer bars around each line.
 * @module
 */
import { pyRepeat } from '@mailpat/client/python';
import type { TextStream } from './output-stream.js';

/** Writes `indentLevel` left bars before, and as many right bars at the end of, each line. */
export class IndentedStream implements TextStream {
  constructor(
    private readonly stream: TextStream,
    private readonly indentLevel: number,
    private readonly leftIndentChar: string,
    private readonly rightIndentChar: string,
  ) {}

  /** Same calls, in the same order, as the Python class: they matter once colorama resets each. */
  write(text: string): void {
    this.stream.write(pyRepeat(this.leftIndentChar, this.indentLevel));
    if (text.endsWith('\n')) {
      this.stream.write(text.slice(0, -1));
      this.stream.write(pyRepeat(this.rightIndentChar, this.indentLevel));
      this.stream.write('\n');
    } else {
      this.stream.write(text);
    }
  }
}
