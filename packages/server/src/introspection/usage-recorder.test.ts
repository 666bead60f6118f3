import { describe, expect, it } from 'vitest';
import type { LoginSubject, TokenEventRecord, TokenUse } from '../domain/records.js';
import { MAX_COALESCED_EVENTS } from './constants.js';
import { UsageRecorder } from './usage-recorder.js';

const subject = {
  token: { id: 'pat-1', organizationId: 'm-1', userId: 'u-1', name: 'phone' },
} as LoginSubject;
const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('UsageRecorder', () => {
  it('coalesces uses, USED and USE_REFUSED events to the latest per token and address', async () => {
    const writes: [TokenUse[], TokenEventRecord[]][] = [];
    const recorder = new UsageRecorder(
      { recordTokenActivity: (u, e) => (writes.push([[...u], [...e]]), Promise.resolve()) },
      { intervalMs: 60_000, log },
    );
    recorder.recordUse(subject, '10.0.0.1', 2000);
    recorder.recordUse(subject, '10.0.0.1', 1000);
    recorder.recordRefusal(subject, '10.0.0.2', 3500);
    recorder.recordRefusal(subject, '10.0.0.2', 3000);
    recorder.recordUse(subject, '10.0.0.3', 1500);
    recorder.recordRefusal(subject, '10.0.0.1', 500);
    await recorder.flush();
    await recorder.flush();
    expect(writes).toHaveLength(1);
    // The latest use's address, not the last recorded one's.
    expect(writes[0]![0]).toEqual([
      { organizationId: 'm-1', tokenId: 'pat-1', usedAt: 2000, clientAddress: '10.0.0.1' },
    ]);
    expect(
      writes[0]![1].map((event) => [event.type, event.clientAddress, event.at, event.tokenName]),
    ).toEqual([
      ['USED', '10.0.0.1', 2000, 'phone'],
      ['USE_REFUSED', '10.0.0.2', 3500, 'phone'],
      ['USED', '10.0.0.3', 1500, 'phone'],
      ['USE_REFUSED', '10.0.0.1', 500, 'phone'],
    ]);
  });

  it('takes the address of the use recorded last within one millisecond', async () => {
    const writes: TokenUse[][] = [];
    const recorder = new UsageRecorder(
      { recordTokenActivity: (u) => (writes.push([...u]), Promise.resolve()) },
      { intervalMs: 60_000, log },
    );
    recorder.recordUse(subject, '10.0.0.1', 2000);
    recorder.recordUse(subject, '10.0.0.2', 2000);
    await recorder.flush();
    expect(writes[0]?.map((use) => use.clientAddress)).toEqual(['10.0.0.2']);
  });

  it('keeps a batch whose write failed and writes it with the next one', async () => {
    let fail = true;
    const written: TokenUse[][] = [];
    const recorder = new UsageRecorder(
      {
        recordTokenActivity: (uses) => {
          if (fail) return Promise.reject(new Error('database away'));
          written.push([...uses]);
          return Promise.resolve();
        },
      },
      { intervalMs: 60_000, log },
    );
    recorder.recordUse(subject, '10.0.0.1', 1000);
    await recorder.flush();
    fail = false;
    recorder.recordUse(subject, '10.0.0.2', 900);
    await recorder.close();
    expect(written).toEqual([
      [{ organizationId: 'm-1', tokenId: 'pat-1', usedAt: 1000, clientAddress: '10.0.0.1' }],
    ]);
  });

  it('keeps at most MAX_COALESCED_EVENTS per interval, whatever the addresses, and says how many it dropped', async () => {
    const written: TokenEventRecord[][] = [];
    const warnings: string[] = [];
    const recorder = new UsageRecorder(
      { recordTokenActivity: (_u, e) => (written.push([...e]), Promise.resolve()) },
      { intervalMs: 60_000, log: { ...log, warn: (m) => void warnings.push(m) } },
    );
    let largest = 0;
    for (let i = 0; i < 200_000; i++) {
      recorder.recordRefusal(subject, `2001:db8::${i.toString(16)}`, i);
      largest = Math.max(largest, recorder.pendingEvents);
    }
    expect(largest).toBe(MAX_COALESCED_EVENTS);
    await recorder.flush();
    expect(written[0]).toHaveLength(MAX_COALESCED_EVENTS);
    expect(warnings).toEqual([
      expect.stringContaining(`dropped ${200_000 - MAX_COALESCED_EVENTS}`),
    ]);
  });
});
