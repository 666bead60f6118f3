/**
 * An operation output that is already JSON text, written to the wire as it is.
 * @module
 */

/**
 * Lets a hot operation hand over JSON it assembled from pieces the database wrote (see
 * tokens/token-summary.ts) instead of objects that JSON.stringify would walk again.
 */
export class PreserializedJson {
  constructor(readonly text: string) {}
}
