/**
 * Test helper for the access-key cache: the store's getAccessKey over a map the test
 * edits directly (disabling a key has no store method), counting the reads the cache lets through.
 * @module
 */
import type { AccessKeyRecord } from '../../domain/records.js';
import type { Store } from '../../storage/store.js';

export class MemoryAccessKeys implements Pick<Store, 'getAccessKey'> {
  readonly keys = new Map<string, AccessKeyRecord>();
  reads = 0;

  async getAccessKey(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
    this.reads += 1;
    const key = this.keys.get(accessKeyId);
    return key && { ...key };
  }
}
