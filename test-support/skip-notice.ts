/**
 * The one way a test says it was skipped because something is not on this machine: its name
 * carries a bracketed notice that the summary reporter (skipped-summary-reporter.ts) collects,
 * so `npm test` ends with what did not run and how to run it.
 * @module
 */

/** The notice's opening; the reporter finds skipped tests by it. */
export const SKIP_NOTICE_PREFIX = '[skipped: needs ';

/** A notice for a test that needs `component`, which `howToEnable` brings. */
export function skipNotice(component: string, howToEnable: string): string {
  return `${SKIP_NOTICE_PREFIX}${component}; ${howToEnable}]`;
}

/** `name`, followed by the notice when `available` is false. */
export function nameUnless(available: boolean, name: string, notice: string): string {
  return available ? name : `${name} ${notice}`;
}
