import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import type { Sql, TransactionSql } from 'postgres';

/**
 * The one way repositories reach a database, on either engine (decision 023). A statement is SQL
 * text with `?` placeholders, written once in the dialect both engines share; `dialect` lets a
 * repository pick between two texts where they do not.
 */
export interface SqlClient {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(text: string, params?: readonly unknown[]): Promise<{ changes: number }>;
}

export interface Storage extends SqlClient {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (the
   * error goes on). Statements inside go through `tx`, never through the storage itself (on SQLite
   * that would wait for the transaction it is part of, for ever).
   */
  write<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * SQLite: one connection, so a transaction that awaits must not let anyone else's statement run on
 * it meanwhile (that statement would read, or write into, rows not yet committed). Writes take a
 * lock for their whole duration, and reads outside a transaction wait for it too: every caller sees
 * only committed rows, exactly as with the synchronous transactions this replaces. The statements
 * themselves stay better-sqlite3's prepared statements, cached by text.
 */
export class SqliteStorage implements Storage {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  /** True while a transaction (or a statement handed the connection) holds it. */
  private busy = false;
  /** Who waits for the connection, first come first served; each is handed it in turn. */
  private readonly waiting: (() => void)[] = [];

  constructor(readonly db: Database.Database) {}

  private statement(text: string): Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  private readonly direct: SqlClient = {
    dialect: 'sqlite',
    all: async <T>(text: string, params: readonly unknown[] = []) => this.statement(text).all(...params) as T[],
    get: async <T>(text: string, params: readonly unknown[] = []) => this.statement(text).get(...params) as T | undefined,
    run: async (text: string, params: readonly unknown[] = []) => ({ changes: this.statement(text).run(...params).changes }),
  };

  /**
   * Takes the connection: at once when it is free (no promise, no tick), else in arrival order. The
   * holder hands it straight to the next waiter on release, so no one can slip in between, and a
   * thousand waiting tablets wake one at a time, not all on every release.
   */
  private acquire(): Promise<void> | undefined {
    if (!this.busy) {
      this.busy = true;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }

  /** A statement outside a transaction: run now when no transaction is open, else in its turn. */
  private async outside<T>(run: () => T): Promise<T> {
    const turn = this.acquire();
    if (turn) await turn;
    try {
      return run();
    } finally {
      this.release();
    }
  }

  all<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.outside(() => this.statement(text).all(...params) as T[]);
  }

  get<T>(text: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.outside(() => this.statement(text).get(...params) as T | undefined);
  }

  run(text: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return this.outside(() => ({ changes: this.statement(text).run(...params).changes }));
  }

  async write<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    const turn = this.acquire();
    if (turn) await turn;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        // SQLite may have rolled back by itself (a full disk, say): then there is nothing to undo.
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    await this.outside(() => this.db.close());
  }
}

/** `?` placeholders to PostgreSQL's `$1, $2, …`, leaving quoted text and identifiers alone. */
export function toPostgresPlaceholders(text: string): string {
  let out = '';
  let n = 0;
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else out += ch;
  }
  return out;
}

type Params = Parameters<Sql['unsafe']>[1];

function postgresClient(sql: Sql | TransactionSql): SqlClient {
  const texts = new Map<string, string>();
  const query = (text: string, params: readonly unknown[] = []) => {
    let pg = texts.get(text);
    if (pg === undefined) {
      pg = toPostgresPlaceholders(text);
      texts.set(text, pg);
    }
    // `prepare: true`: a named prepared statement per text and connection, as on SQLite.
    return sql.unsafe(pg, params as Params, { prepare: true });
  };
  return {
    dialect: 'postgres',
    all: async <T>(text: string, params?: readonly unknown[]) => [...(await query(text, params))] as T[],
    get: async <T>(text: string, params?: readonly unknown[]) => (await query(text, params))[0] as T | undefined,
    run: async (text: string, params?: readonly unknown[]) => ({ changes: (await query(text, params)).count }),
  };
}

/**
 * PostgreSQL: a pool, and a transaction per `write` at READ COMMITTED; concurrency between
 * processes is held by constraints and the explicit locks each operation takes (decision 023).
 */
export class PostgresStorage implements Storage {
  readonly dialect = 'postgres' as const;
  private readonly client: SqlClient;

  constructor(readonly sql: Sql) {
    this.client = postgresClient(sql);
  }

  all<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
    return this.client.all<T>(text, params);
  }

  get<T>(text: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.client.get<T>(text, params);
  }

  run(text: string, params?: readonly unknown[]): Promise<{ changes: number }> {
    return this.client.run(text, params);
  }

  async write<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    return (await this.sql.begin((tx) => fn(postgresClient(tx)))) as T;
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 5 });
  }
}
