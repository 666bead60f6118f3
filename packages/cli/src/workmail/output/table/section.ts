/**
 * awscli's table `Section`: a title, optional column headers and rows of text.
 * @module
 */
import { pyJsonStr } from '@mailpat/client/python';
import type { JsonValue } from '../json-value.js';
import { UnformattableValueError } from '../unformattable-value-error.js';
import { calculateColumnWidths } from './column-widths.js';
import { getTextLength } from './text-length.js';

/** One titled block of the table; widths are tracked per column as rows arrive. */
export class Section {
  /** `None` in Python when a list of lists of dicts restarts a section; it renders no title line. */
  title: string | null = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private numCols: number | undefined;
  private maxWidths: number[] = [];

  /** Column widths plus padding, scaled to add up to `maxWidth` when it is given. */
  calculateColumnWidths(padding = 0, maxWidth?: number): number[] {
    return calculateColumnWidths(this.maxWidths, padding, maxWidth);
  }

  /** Width the section needs: its columns, borders and indentation, or its title if wider. */
  totalWidth(padding: number, withBorder: boolean, outerPadding: number): number {
    const borderPadding = 2;
    let total = 0;
    for (const width of this.calculateColumnWidths()) total += width + padding;
    if (withBorder) total += borderPadding;
    total += outerPadding * 2;
    // Python measures str(self.title), and str(None) is 'None'.
    const titleWidth = getTextLength(this.title ?? 'None') + borderPadding + outerPadding * 2;
    return Math.max(titleWidth, total);
  }

  /** Sets the title shown centered above the section. */
  addTitle(title: string | null): void {
    this.title = title;
  }

  /** Sets the column headers; the first headers or row fix the column count. */
  addHeader(headers: readonly string[]): void {
    this.updateMaxWidths(headers);
    this.numCols ??= headers.length;
    this.headers = [...headers];
  }

  /** Adds a row of values, printed with Python's `str()`; its length must match the columns. */
  addRow(row: readonly JsonValue[]): void {
    this.numCols ??= row.length;
    if (row.length !== this.numCols) {
      throw new UnformattableValueError(
        `Row should have ${this.numCols} elements, instead it has ${row.length}`,
      );
    }
    const texts = row.map(pyJsonStr);
    this.rows.push(texts);
    this.updateMaxWidths(texts);
  }

  private updateMaxWidths(row: readonly string[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = row.map(getTextLength);
      return;
    }
    row.forEach((text, i) => {
      const current = this.maxWidths[i];
      // Python indexes past the end and raises IndexError.
      if (current === undefined) throw new UnformattableValueError('list index out of range');
      this.maxWidths[i] = Math.max(getTextLength(text), current);
    });
  }
}
