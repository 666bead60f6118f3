import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatIsoTimestamp } from './format-timestamp.js';

/** What botocore's parse_timestamp(epoch).isoformat() prints in time zone `tz`. */
function pythonIsoformat(epochs: number[], tz: string): string[] {
  const script =
    'import json,sys\nfrom botocore.utils import parse_timestamp\n' +
    'print(json.dumps([parse_timestamp(e).isoformat() for e in json.load(sys.stdin)]))';
  const output = execFileSync('python3', ['-c', script], {
    input: JSON.stringify(epochs),
    env: { ...process.env, TZ: tz },
  });
  return JSON.parse(output.toString()) as string[];
}

const EPOCHS = [0, 1764284832.123, 1764284832, 1700000000.001, 1719792000.5, 951782400.999];

describe('formatIsoTimestamp', () => {
  it.each(['UTC', 'America/Los_Angeles', 'Asia/Kolkata'])(
    'prints what botocore prints for epoch seconds in TZ=%s',
    (tz) => {
      const previous = process.env.TZ;
      process.env.TZ = tz;
      try {
        const ours = EPOCHS.map((epoch) => formatIsoTimestamp(new Date(epoch * 1000)));
        expect(ours).toEqual(pythonIsoformat(EPOCHS, tz));
      } finally {
        if (previous === undefined) delete process.env.TZ;
        else process.env.TZ = previous;
      }
    },
  );
});
