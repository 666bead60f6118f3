/**
 * The options of `mailpat import-workmail`, as commander parses them.
 * @module
 */

/** What `--on-conflict` accepts: `stop` (the default) writes nothing when anything conflicts. */
export const ON_CONFLICT_CHOICES = ['stop', 'skip'] as const;

/** The parsed command line. */
export interface ImportOptions {
  organizationId: string;
  sourceRegion?: string;
  sourceEndpointUrl?: string;
  sourceProfile?: string;
  endpointUrl?: string;
  profile?: string;
  region?: string;
  dryRun?: boolean;
  report?: string;
  onConflict: (typeof ON_CONFLICT_CHOICES)[number];
  notifyUsers?: boolean;
  concurrency: number;
}
