/**
 * The texts `mailpat workmail <command> --help` prints, extracted from the botocore model by
 * scripts/extract-cli-docs.mjs.
 * @module
 */
import cliDocsJson from './cli-docs.json' with { type: 'json' };

/** Documentation per operation name and per `<InputShape>.<Member>`, as plain text. */
export interface CliDocs {
  operations: Record<string, string>;
  members: Record<string, string>;
}

/** The committed cli-docs.json. */
export const CLI_DOCS: CliDocs = cliDocsJson;
