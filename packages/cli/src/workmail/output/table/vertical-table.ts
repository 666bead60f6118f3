/**
 * awscli's `convert_to_vertical_table`: the fallback when a table is too wide.
 * @module
 */
import { Section } from './section.js';

/**
 * Turns every single-row section with headers into a two-column "header | value" section, in
 * place, so a wide record fits the terminal. Sections with several rows keep their layout.
 */
export function convertToVerticalTable(sections: Section[]): void {
  sections.forEach((section, i) => {
    const [row, ...others] = section.rows;
    if (row === undefined || others.length > 0 || section.headers.length === 0) return;
    const vertical = new Section();
    vertical.title = section.title;
    vertical.indentLevel = section.indentLevel;
    const count = Math.min(section.headers.length, row.length);
    for (let column = 0; column < count; column++) {
      vertical.addRow([section.headers[column]!, row[column]!]);
    }
    sections[i] = vertical;
  });
}
