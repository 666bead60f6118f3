/**
 * awscli's table stylers: plain `Styler` and `ColorizedStyler`.
 * @module
 */
import { ANSI } from './constants.js';

/** How a table part is decorated before it is laid out (widths are measured on the raw text). */
export interface Styler {
  /**
   * Whether choosing this styler ran `colorama.init(autoreset=True, strip=False)`, which wraps
   * stdout so that every `write()` is followed by RESET_ALL.
   */
  readonly autoreset: boolean;
  styleTitle(text: string): string;
  styleHeaderColumn(text: string): string;
  styleRowElement(text: string): string;
  styleIndentationChar(text: string): string;
}

const identity = (text: string): string => text;

/** `Styler`: no decoration (`--color off`, or `auto` when stdout is not a terminal). */
export const PLAIN_STYLER: Styler = {
  autoreset: false,
  styleTitle: identity,
  styleHeaderColumn: identity,
  styleRowElement: identity,
  styleIndentationChar: identity,
};

/** `ColorizedStyler`: bright blue cells and dim yellow indentation bars; titles stay plain. */
export const COLORIZED_STYLER: Styler = {
  autoreset: true,
  styleTitle: identity,
  styleHeaderColumn: identity,
  styleRowElement: (text) => ANSI.BRIGHT + ANSI.FORE_BLUE + text + ANSI.RESET_ALL,
  styleIndentationChar: (text) => ANSI.DIM + ANSI.FORE_YELLOW + text + ANSI.RESET_ALL,
};
