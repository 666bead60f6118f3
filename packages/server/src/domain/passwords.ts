/**
 * Mailbox passwords: WorkMail's strength rule and how they are kept (scrypt hashes).
 * @module
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { InvalidPasswordException } from '../errors/index.js';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;

const MIN_PASSWORD_LENGTH = 8;
const CHARACTER_CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** WorkMail's default policy: at least 8 characters from at least 3 of the 4 classes. */
export function assertPasswordStrength(password: string): void {
  const classes = CHARACTER_CLASSES.filter((re) => re.test(password)).length;
  if (password.length < MIN_PASSWORD_LENGTH || classes < 3) {
    throw new InvalidPasswordException(
      'The password must be at least 8 characters long and contain characters from at least ' +
        'three of: lowercase letters, uppercase letters, digits, symbols.',
    );
  }
}

/** `scrypt$<salt b64>$<hash b64>`: the only form of a password that is stored. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** What verifyPassword compares against when there is no hash: same cost, never a match. */
const UNMATCHABLE_HASH = `scrypt$${Buffer.alloc(16).toString('base64')}$`;

/**
 * True when `password` hashes to `stored` (a hashPassword result), compared in constant time.
 * A missing or malformed hash is false after the same scrypt work, so the answer's timing does
 * not tell an unknown account (or one without a password) from a wrong password.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [scheme, saltText, hashText] = (stored ?? UNMATCHABLE_HASH).split('$');
  const expected = Buffer.from(hashText ?? '', 'base64');
  const salt = Buffer.from(saltText ?? '', 'base64');
  const matchable = scheme === 'scrypt' && expected.length >= 16 && salt.length > 0;
  const actual = await scrypt(password, matchable ? salt : Buffer.alloc(16), 32);
  return matchable && expected.length === actual.length && timingSafeEqual(expected, actual);
}
