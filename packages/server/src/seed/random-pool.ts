/**
 * Random bytes, integers and hex for `mailpat seed`, drawn from one large buffer.
 * @module
 */
import { randomBytes } from 'node:crypto';

/** Bytes fetched from the CSPRNG at a time. */
const POOL_BYTES = 1024 * 1024;
const UINT32_RANGE = 2 ** 32;
const BYTE_RANGE = 256;

/**
 * Random values drawn from one large buffer: a million small randomBytes calls cost seconds
 * (measured: 1.6 s of a 200,000-token seed), one call per megabyte costs nothing.
 */
export class RandomPool {
  #pool = Buffer.alloc(0);
  #offset = 0;

  /** `size` random bytes as lowercase hex. */
  hex(size: number): string {
    const at = this.#reserve(size);
    return this.#pool.toString('hex', at, at + size);
  }

  /**
   * Fills `target` from `start` to `end` (exclusive) with uniform characters of `alphabet`, given
   * as character codes (at most 256). A byte each: bytes at or above the largest multiple of the
   * alphabet's length are rejected, so `byte % length` has no modulo bias.
   */
  fillFromAlphabet(target: Uint8Array, start: number, end: number, alphabet: Uint8Array): void {
    const limit = BYTE_RANGE - (BYTE_RANGE % alphabet.length);
    for (let at = start; at < end;) {
      const byte = this.#pool[this.#reserve(1)]!;
      if (byte < limit) target[at++] = alphabet[byte % alphabet.length]!;
    }
  }

  /**
   * A uniform integer in [0, bound), bound <= 2^32. Draws at or above the largest multiple of
   * `bound` are rejected, so `draw % bound` has no modulo bias.
   */
  uniformInt(bound: number): number {
    const limit = UINT32_RANGE - (UINT32_RANGE % bound);
    for (;;) {
      // Reserve first: it may replace the pool.
      const at = this.#reserve(4);
      const draw = this.#pool.readUInt32LE(at);
      if (draw < limit) return draw % bound;
    }
  }

  /** The offset of `size` unused bytes, refilling the pool when too few are left. */
  #reserve(size: number): number {
    if (this.#offset + size > this.#pool.length) {
      this.#pool = randomBytes(Math.max(POOL_BYTES, size));
      this.#offset = 0;
    }
    const at = this.#offset;
    this.#offset += size;
    return at;
  }
}
