/**
 * awscli's `MultiTable`: sections stacked into one bordered table, then rendered.
 * @module
 */
import { pyRepeat } from '@mailpat/client/python';
import type { JsonValue } from '../json-value.js';
import { alignLeft, centerText } from './align.js';
import { CELL_PADDING } from './constants.js';
import { IndentedStream } from './indented-stream.js';
import type { TextStream } from './output-stream.js';
import { Section } from './section.js';
import type { Styler } from './styler.js';
import { getTextLength } from './text-length.js';
import { convertToVerticalTable } from './vertical-table.js';

/**
 * `MultiTable(initial_section=False, column_separator='|')`, as TableFormatter builds it. Every
 * section spans the width of the widest one; if that exceeds the terminal, single-row sections are
 * turned vertical first (auto_reformat).
 */
export class MultiTable {
  private readonly sections: Section[] = [];
  private currentSection: Section | undefined;

  constructor(
    private readonly styler: Styler,
    private readonly terminalWidth: number,
    private readonly columnSeparator = '|',
  ) {}

  /** Sets the current section's headers. */
  addRowHeader(headers: readonly string[]): void {
    this.current().addHeader(headers);
  }

  /** Adds a row to the current section. */
  addRow(row: readonly JsonValue[]): void {
    this.current().addRow(row);
  }

  /** Starts a section, nested `indentLevel` bars deep. */
  newSection(title: string | null, indentLevel = 0): void {
    this.currentSection = new Section();
    this.sections.push(this.currentSection);
    this.currentSection.addTitle(title);
    this.currentSection.indentLevel = indentLevel;
  }

  /** Writes the whole table: a dashed top line, then each section. */
  render(stream: TextStream): void {
    let maxWidth = this.calculateMaxWidth();
    if (maxWidth > this.terminalWidth) {
      convertToVerticalTable(this.sections);
      maxWidth = this.calculateMaxWidth();
    }
    stream.write(`${pyRepeat('-', maxWidth)}\n`);
    for (const section of this.sections) this.renderSection(section, maxWidth, stream);
  }

  private current(): Section {
    // With initial_section=False Python would fail with AttributeError on None here.
    if (!this.currentSection) throw new Error('MultiTable has no section yet');
    return this.currentSection;
  }

  private calculateMaxWidth(): number {
    const widths = this.sections.map((s) => s.totalWidth(CELL_PADDING, true, s.indentLevel));
    return Math.max(...widths);
  }

  private renderSection(section: Section, maxWidth: number, stream: TextStream): void {
    const bar = this.styler.styleIndentationChar('|');
    const indented = new IndentedStream(stream, section.indentLevel, bar, bar);
    const width = maxWidth - section.indentLevel * 2;
    this.renderTitle(section, width, indented);
    this.renderColumnTitles(section, width, indented);
    this.renderRows(section, width, indented);
  }

  private renderTitle(section: Section, width: number, stream: TextStream): void {
    if (!section.title) return;
    const title = this.styler.styleTitle(section.title);
    stream.write(`${centerText(title, width, '|', '|', getTextLength(section.title))}\n`);
    if (section.headers.length === 0 && section.rows.length === 0) {
      stream.write(`+${pyRepeat('-', width - 2)}+\n`);
    }
  }

  private renderColumnTitles(section: Section, width: number, stream: TextStream): void {
    if (section.headers.length === 0) return;
    const widths = section.calculateColumnWidths(CELL_PADDING, width);
    let line = '';
    zip(widths, section.headers).forEach(([columnWidth, header], i) => {
      const styled = this.styler.styleHeaderColumn(header);
      line += centerText(styled, columnWidth, i === 0 ? '|' : '', '|', getTextLength(header));
    });
    writeLineBreak(stream, widths);
    stream.write(`${line}\n`);
  }

  private renderRows(section: Section, width: number, stream: TextStream): void {
    if (section.rows.length === 0) return;
    const widths = section.calculateColumnWidths(CELL_PADDING, width);
    if (widths.length === 0) return;
    writeLineBreak(stream, widths);
    for (const row of section.rows) {
      let line = '';
      zip(widths, row).forEach(([columnWidth, element], i) => {
        const styled = this.styler.styleRowElement(element);
        const leftEdge = i === 0 ? '|' : '';
        line += alignLeft(
          styled,
          columnWidth,
          leftEdge,
          this.columnSeparator,
          getTextLength(element),
        );
      });
      stream.write(`${line}\n`);
    }
    writeLineBreak(stream, widths);
  }
}

/** `+-----+------+` under titles and around rows, written in one call. */
function writeLineBreak(stream: TextStream, widths: readonly number[]): void {
  const parts = widths.map((width, i) =>
    i === 0 ? `+${pyRepeat('-', width - 2)}+` : `${pyRepeat('-', width - 1)}+`,
  );
  stream.write(`${parts.join('')}\n`);
}

/** Python's `zip`: pairs up to the shorter list. */
function zip<A, B>(first: readonly A[], second: readonly B[]): [A, B][] {
  const length = Math.min(first.length, second.length);
  return Array.from({ length }, (_, i) => [first[i]!, second[i]!]);
}
