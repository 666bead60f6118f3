/** @module Test helper: the access-key part of the store, in memory, with the store's rules. */
import type { AccessKeyRecord } from '../../storage/records.js';
import type { Store } from '../../storage/store.js';

/** Stores access keys as the real store does: insert-if-absent, first enabled by createdAt. */
export class MemoryAccessKeys implements Pick<
  Store,
  'getAccessKey' | 'putAccessKey' | 'findFirstAccessKey'
> {
  readonly keys = new Map<string, AccessKeyRecord>();
  reads = 0;

  async getAccessKey(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
    this.reads += 1;
    const key = this.keys.get(accessKeyId);
    return key && { ...key };
  }

  async putAccessKey(key: AccessKeyRecord): Promise<void> {
    if (!this.keys.has(key.accessKeyId)) this.keys.set(key.accessKeyId, { ...key });
  }

  async findFirstAccessKey(): Promise<AccessKeyRecord | undefined> {
    const enabled = [...this.keys.values()].filter((key) => key.enabled);
    enabled.sort((a, b) => a.createdAt - b.createdAt);
    return enabled[0] && { ...enabled[0] };
  }
}
