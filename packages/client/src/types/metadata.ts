/**
 * Response metadata, shaped like AWS SDK v3's `$metadata`.
 * @module
 */

/** What the client knows about the HTTP exchange behind an output or an error. */
export interface ResponseMetadata {
  /** The HTTP status of the last attempt; absent when no response arrived. */
  httpStatusCode?: number;
  /** The server's `x-amzn-RequestId` of the last attempt. */
  requestId?: string;
  /** How many attempts were made, the first included. */
  attempts?: number;
  /** Milliseconds spent waiting between attempts. */
  totalRetryDelay?: number;
  /** True when the last attempt's error made the client correct its clock offset. */
  clockSkewCorrected?: boolean;
}

/** An output or error carrying `$metadata`. */
export interface MetadataBearer {
  $metadata: ResponseMetadata;
}
