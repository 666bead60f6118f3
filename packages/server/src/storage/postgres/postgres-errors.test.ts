import { describe, expect, it } from 'vitest';
import {
  DatabaseFaultError,
  DatabaseUnavailableError,
  UniqueConstraintError,
} from '../storage-errors.js';
import { translatePostgresError } from './postgres-errors.js';

function pgError(code: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`error ${code}`), { name: 'error', code, ...fields });
}

describe('translatePostgresError', () => {
  it('should map 23505 to UniqueConstraintError named after the index', () => {
    const cause = pgError('23505', { constraint: 'tokens_secret_hash' });
    const error = translatePostgresError(cause) as UniqueConstraintError;
    expect(error).toBeInstanceOf(UniqueConstraintError);
    expect(error.constraint).toBe('tokens_secret_hash');
    expect(error.cause).toBe(cause);
  });

  it.each(
    [
      ['08006', '08001', '57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET'],
      ['57014', '55P03', '25P03'],
    ].flat(),
  )('should map %s to DatabaseUnavailableError', (code) => {
    expect(translatePostgresError(pgError(code))).toBeInstanceOf(DatabaseUnavailableError);
  });

  it.each(['53100', '58030', '25006', 'XX001', 'XX002'])(
    'should report %s as a DatabaseFaultError, which lasts until an operator acts',
    (code) => {
      expect(translatePostgresError(pgError(code))).toBeInstanceOf(DatabaseFaultError);
    },
  );

  it.each(['53300', '57014', '08006', 'ECONNREFUSED'])(
    'should not report the passing condition %s as a DatabaseFaultError',
    (code) => {
      expect(translatePostgresError(pgError(code))).not.toBeInstanceOf(DatabaseFaultError);
    },
  );

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Query read timeout',
  ])('should map the uncoded pg message "%s" to DatabaseUnavailableError', (message) => {
    expect(translatePostgresError(new Error(message))).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('should map a refused dual-stack connect (AggregateError) to DatabaseUnavailableError', () => {
    const refused = new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')], '');
    expect(translatePostgresError(refused)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('should pass other errors through unchanged', () => {
    const foreignKey = pgError('23503', { constraint: 'personal_access_tokens_user_fk' });
    const syntax = pgError('42601');
    const plain = new TypeError('not pg');
    expect(translatePostgresError(foreignKey)).toBe(foreignKey);
    expect(translatePostgresError(syntax)).toBe(syntax);
    expect(translatePostgresError(plain)).toBe(plain);
    expect(translatePostgresError('text')).toBe('text');
  });
});
