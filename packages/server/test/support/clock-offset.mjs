/**
 * Preloaded into a test's `mailpat serve` (`node --import`): shifts Date.now() by
 * MAILPAT_TEST_CLOCK_OFFSET_MS, as on a machine whose clock runs behind (negative) or ahead.
 * Test support only: production code has no such hook.
 * @module
 */
const offset = Number(process.env.MAILPAT_TEST_CLOCK_OFFSET_MS ?? 0);
const now = Date.now;
Date.now = () => now() + offset;
