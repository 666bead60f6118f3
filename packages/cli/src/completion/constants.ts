/**
 * Constants of shell completion: the shells served and how a value placeholder is read.
 * @module
 */

/** The shells `mailpat completion <shell>` writes a script for. */
export const COMPLETION_SHELLS = ['bash', 'zsh'] as const;

/** A placeholder naming a file (`<file>`, `<config-path>`): its value completes to file names. */
export const FILE_PLACEHOLDER = /(^|[-_])(file|filename|filepath|path)s?$/i;

/** A placeholder naming a directory (`<dir>`, `<data-directory>`): completes to directories. */
export const DIR_PLACEHOLDER = /(^|[-_])(dir|dirs|directory|directories|folder)$/i;

/** An option or placeholder about JSON, which the aws CLI also reads from `file://PATH`. */
export const JSON_VALUE = /json/i;
