import { describe, expect, it } from 'vitest';
import {
  DatabaseFaultError,
  DatabaseUnavailableError,
  UniqueConstraintError,
} from '../storage-errors.js';
import { constraintName, translateSqliteError } from './sqlite-errors.js';

function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'SqliteError', code });
}

describe('translateSqliteError', () => {
  it.each([
    ['UNIQUE constraint failed: users.organization_id, users.name_lower', 'users_name'],
    ['UNIQUE constraint failed: users.email_lower', 'users_email'],
    ['UNIQUE constraint failed: mail_domains.domain_lower', 'mail_domains_pkey'],
    ['UNIQUE constraint failed: organizations.alias_lower', 'organizations_alias'],
    ['UNIQUE constraint failed: personal_access_tokens.secret_hash', 'tokens_secret_hash'],
    ["UNIQUE constraint failed: index 'some_expression_index'", 'some_expression_index'],
    ['UNIQUE constraint failed: t.unmapped', 't.unmapped'],
  ])('should name the constraint of "%s" as %s', (message, name) => {
    expect(constraintName(message)).toBe(name);
    const error = translateSqliteError(sqliteError('SQLITE_CONSTRAINT_UNIQUE', message));
    expect(error).toBeInstanceOf(UniqueConstraintError);
    expect((error as UniqueConstraintError).constraint).toBe(name);
  });

  it('should map a primary key violation to UniqueConstraintError', () => {
    const cause = sqliteError(
      'SQLITE_CONSTRAINT_PRIMARYKEY',
      'UNIQUE constraint failed: personal_access_tokens.id',
    );
    const error = translateSqliteError(cause) as UniqueConstraintError;
    expect(error.constraint).toBe('personal_access_tokens_pkey');
    expect(error.cause).toBe(cause);
  });

  it.each([
    'SQLITE_BUSY',
    'SQLITE_BUSY_SNAPSHOT',
    'SQLITE_IOERR_FSYNC',
    'SQLITE_CANTOPEN',
    'SQLITE_FULL',
    'SQLITE_READONLY',
    'SQLITE_READONLY_DBMOVED',
    'SQLITE_CORRUPT',
    'SQLITE_NOTADB',
  ])('should map %s to DatabaseUnavailableError', (code) => {
    expect(translateSqliteError(sqliteError(code, 'boom'))).toBeInstanceOf(
      DatabaseUnavailableError,
    );
  });

  it.each([
    'SQLITE_IOERR_FSYNC',
    'SQLITE_FULL',
    'SQLITE_READONLY',
    'SQLITE_READONLY_DBMOVED',
    'SQLITE_CORRUPT',
    'SQLITE_NOTADB',
  ])('should report %s as a DatabaseFaultError, which lasts until an operator acts', (code) => {
    expect(translateSqliteError(sqliteError(code, 'boom'))).toBeInstanceOf(DatabaseFaultError);
  });

  it.each(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_CANTOPEN'])(
    'should not report the passing condition %s as a DatabaseFaultError',
    (code) => {
      expect(translateSqliteError(sqliteError(code, 'boom'))).not.toBeInstanceOf(
        DatabaseFaultError,
      );
    },
  );

  it('should pass other errors through unchanged', () => {
    const foreignKey = sqliteError('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed');
    const plain = new TypeError('not sqlite');
    expect(translateSqliteError(foreignKey)).toBe(foreignKey);
    expect(translateSqliteError(plain)).toBe(plain);
    expect(translateSqliteError(sqliteError('SQLITE_BUSYX', 'x'))).not.toBeInstanceOf(
      DatabaseUnavailableError,
    );
  });
});
