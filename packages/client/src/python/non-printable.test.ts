/**
 * Tests that the committed printable table is what its generator writes for this python3.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nameUnless } from '../../../../test-support/skip-notice.js';
import { NON_PRINTABLE } from './non-printable.js';
import { HAS_PYTHON3, PYTHON3_SKIP_NOTICE, runPython } from './test-support/python3.js';

const SCRIPT = fileURLToPath(
  new URL('../../../../scripts/generate-printable-table.py', import.meta.url),
);
const TABLE = fileURLToPath(new URL('./non-printable.ts', import.meta.url));

describe('NON_PRINTABLE', () => {
  it.skipIf(!HAS_PYTHON3)(
    nameUnless(
      HAS_PYTHON3,
      'is exactly what scripts/generate-printable-table.py writes for this python3',
      PYTHON3_SKIP_NOTICE,
    ),
    () => {
      const regenerate = 'the table is stale: run python3 scripts/generate-printable-table.py';
      expect(readFileSync(TABLE, 'utf8'), regenerate).toBe(runPython([SCRIPT, '--stdout']));
    },
  );

  it('holds the controls, separators and unassigned code points, not the space', () => {
    const nonPrintable = [0x00, 0x7f, 0xa0, 0xad, 0x200b, 0x2028, 0xd800, 0xe000, 0x10ffff];
    expect(nonPrintable.filter((codePoint) => !NON_PRINTABLE.has(codePoint))).toEqual([]);
    expect([0x20, 0x41, 0xe9, 0x301, 0x1f600].filter((cp) => NON_PRINTABLE.has(cp))).toEqual([]);
  });
});
