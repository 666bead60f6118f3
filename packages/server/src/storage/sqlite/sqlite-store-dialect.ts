/**
 * Kysely's SqliteDialect with the two changes mailpat's SQLite use needs.
 * @module
 */
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';
import type {
  DatabaseConnection,
  DialectAdapter,
  Driver,
  SqliteDatabase,
  SqliteDialectConfig,
} from 'kysely';

/** The database the dialect runs on; it tells whether a transaction is open. */
export interface TransactionAwareDatabase extends SqliteDatabase {
  readonly inTransaction: boolean;
}

/**
 * SQLite runs DDL inside transactions; Kysely's adapter says it cannot, so its Migrator would
 * run each migration statement by statement and a crash midway would leave half a schema.
 * Saying yes makes the Migrator run the pending migrations and their kysely_migration rows in
 * one transaction.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Transactions take the write lock when they begin (`begin immediate`), not at their first
 * write: a lock held by another process then fails the `begin`, before anything was read or
 * written, so the whole operation can simply run again (see retry-while-busy.ts). A deferred
 * transaction would fail at its first write instead, after reads that may be stale.
 */
class ImmediateTransactionSqliteDriver extends SqliteDriver {
  readonly #database: TransactionAwareDatabase;

  constructor(config: SqliteDialectConfig & { database: TransactionAwareDatabase }) {
    super(config);
    this.#database = config.database;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * SQLite rolls a transaction back itself on some errors (SQLITE_FULL, SQLITE_IOERR): a second
   * `rollback` would fail and replace the error that says what happened.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#database.inTransaction) await super.rollbackTransaction(connection);
  }
}

/** The SqliteDialect of the store: transactional migrations, write-locking transactions. */
export class SqliteStoreDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig & { database: TransactionAwareDatabase };

  constructor(config: SqliteDialectConfig & { database: TransactionAwareDatabase }) {
    super(config);
    this.#config = config;
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    return new ImmediateTransactionSqliteDriver(this.#config);
  }
}
