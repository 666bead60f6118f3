/**
 * Python's `base64.b64decode(s)` without `validate=True` (CPython `binascii.a2b_base64`,
 * non-strict): characters outside the alphabet are skipped and decoding stops at complete padding.
 * Whether a starting token "is base64 JSON" depends on exactly this leniency.
 * @module
 */
import { PyValueError } from './py-errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes `text` as `base64.b64decode(text.encode('utf-8'))` does, raising its ValueErrors. */
export function pyB64Decode(text: string): Uint8Array {
  const bytes: number[] = [];
  let quadPos = 0;
  let leftChar = 0;
  let pads = 0;
  // Non-ASCII characters encode to bytes >= 0x80, which the decoder skips like any other junk.
  for (const char of text) {
    if (char === '=') {
      if (quadPos >= 2 && quadPos + ++pads >= 4) return Uint8Array.from(bytes);
      continue;
    }
    const sextet = ALPHABET.indexOf(char);
    if (sextet < 0) continue;
    pads = 0;
    if (quadPos === 1) bytes.push(((leftChar << 2) | (sextet >> 4)) & 0xff);
    else if (quadPos === 2) bytes.push(((leftChar << 4) | (sextet >> 2)) & 0xff);
    else if (quadPos === 3) bytes.push(((leftChar << 6) | sextet) & 0xff);
    // The bits of this character not yet written out.
    leftChar = sextet & [0x3f, 0x0f, 0x03, 0x00][quadPos]!;
    quadPos = (quadPos + 1) % 4;
  }
  if (quadPos === 1) {
    const counted = Math.floor(bytes.length / 3) * 4 + 1;
    throw new PyValueError(
      `Invalid base64-encoded string: number of data characters (${counted}) cannot be 1 more than a multiple of 4`,
    );
  }
  if (quadPos !== 0) throw new PyValueError('Incorrect padding');
  return Uint8Array.from(bytes);
}

/** Encodes bytes as Python's `base64.b64encode(b).decode()` (standard alphabet, padded). */
export function pyB64Encode(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
