/**
 * ANSI codes colorama writes for the styles awscli's colorized table uses.
 * @module
 */

/** colorama's `Style.*` and `Fore.*` values (https://github.com/tartley/colorama, ansi.py). */
export const ANSI = {
  RESET_ALL: '\x1b[0m',
  BRIGHT: '\x1b[1m',
  DIM: '\x1b[2m',
  FORE_BLUE: '\x1b[34m',
  FORE_YELLOW: '\x1b[33m',
} as const;

/** Cell padding awscli's MultiTable passes to every width calculation. */
export const CELL_PADDING = 4;
