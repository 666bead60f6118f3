import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('verifyPassword', () => {
  it('should accept the password a hash was made from, and only it', async () => {
    const stored = await hashPassword('Correct-Horse-7');
    expect(await verifyPassword('Correct-Horse-7', stored)).toBe(true);
    expect(await verifyPassword('correct-horse-7', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('should refuse every password when there is no hash or a malformed one', async () => {
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
    expect(await verifyPassword('anything', 'scrypt$c2FsdA$')).toBe(false);
    expect(await verifyPassword('anything', 'bcrypt$c2FsdA$aGFzaA')).toBe(false);
  });
});
