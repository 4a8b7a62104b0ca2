// The classroom server's database: embedded PGlite by default (a data folder under
// server/data/, nothing to install), a real PostgreSQL when DATABASE_URL is set. One SQL
// dialect (PostgreSQL's) for both, and one versioned migrations table (schema_migrations).
import { mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { MIGRATIONS } from './migrations.ts';

export type Params = readonly unknown[];

/** What the store needs of a database: a query, a transaction, and closing it. */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  /** Runs fn in one transaction (BEGIN … COMMIT, ROLLBACK on error). */
  tx<T>(fn: (q: <R = Record<string, unknown>>(sql: string, params?: Params) => Promise<R[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The embedded PGlite, in a data folder (null: in memory). By default on a worker thread of its
 * own (server/pglite-worker.mjs), so that its WebAssembly does not hold up the server's event
 * loop; `thread: false` runs it on the caller's thread (a tool reading a folder once).
 */
export async function openPglite(dir: string | null, options: { thread?: boolean } = {}): Promise<Db> {
  if (dir) mkdirSync(dir, { recursive: true });
  const engine = options.thread === false ? await inProcess(dir) : await onThread(dir);
  // PGlite runs one query at a time; a chain keeps transactions whole.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  const raw = <R>(sql: string, params?: Params): Promise<R[]> => engine.query(sql, params ? [...params] : undefined) as Promise<R[]>;
  return {
    kind: 'pglite',
    query: (sql, params) => serial(() => raw(sql, params)),
    tx: (fn) =>
      serial(async () => {
        await raw('BEGIN');
        try {
          const r = await fn(raw);
          await raw('COMMIT');
          return r;
        } catch (e) {
          await raw('ROLLBACK');
          throw e;
        }
      }),
    close: () => serial(() => engine.close()),
  };
}

interface Engine {
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

async function inProcess(dir: string | null): Promise<Engine> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = dir ? new PGlite(dir) : new PGlite();
  await pg.waitReady;
  return { query: async (sql, params) => (await pg.query(sql, params)).rows, close: () => pg.close() };
}

type Reply = { id: number; rows: unknown[] } | { id: number; error: { message: string; code?: string } };

async function onThread(dir: string | null): Promise<Engine> {
  // Plain JavaScript: no loader (tsx, a test's preloads) in the thread.
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dir }, execArgv: [] });
  const waiting = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
  let next = 1;
  let dead: Error | null = null;
  const failAll = (e: Error) => {
    dead = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  await new Promise<void>((resolve, reject) => {
    const first = (m: { ready?: boolean; error?: { message: string } }) => {
      if (m.ready) resolve();
      else reject(new Error(`PGlite did not open: ${m.error?.message ?? 'unknown error'}`));
    };
    worker.once('message', first);
    worker.once('error', reject);
    // A thread that stops before it says it is ready (a crash while loading PGlite) must not
    // leave the server waiting for ever.
    worker.once('exit', (code) => reject(new Error(`PGlite did not open: its thread stopped (${code}) before it was ready`)));
  });
  worker.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if ('error' in m) w.reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}));
    else w.resolve(m.rows);
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`the PGlite thread stopped (${code})`)));
  const ask = (message: Record<string, unknown>): Promise<unknown[]> =>
    new Promise((resolve, reject) => {
      if (dead) return reject(dead);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  return {
    query: (sql, params) => ask({ sql, params }),
    close: async () => {
      if (!dead) await ask({ close: true });
      await worker.terminate();
    },
  };
}

/** A PostgreSQL pool; `schema` (tests) puts every table in that schema. */
export async function openPostgres(url: string, schema?: string): Promise<Db> {
  const { default: pg } = await import('pg');
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('A database schema name is lower-case letters, digits and _.');
  const pool = new pg.Pool({ connectionString: url, max: 20, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params ? [...params] : undefined)).rows,
    tx: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const r = await fn(async (sql, params) => (await client.query(sql, params ? [...params] : undefined)).rows);
        await client.query('COMMIT');
        return r;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Brings the schema up to the newest migration. Each migration runs once, in its own
 * transaction, under an advisory lock taken before anything else (even the creation of
 * schema_migrations: two processes creating one table at once collide in PostgreSQL's
 * catalogue), so that two server processes starting together on one PostgreSQL take turns.
 * Returns the versions applied now.
 */
export async function migrate(db: Db): Promise<number[]> {
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.tx(async (q) => {
      await q('SELECT pg_advisory_xact_lock(424242)');
      await q(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const have = await q<{ version: number }>('SELECT version FROM schema_migrations WHERE version = $1', [m.version]);
      if (have.length) return false;
      for (const statement of m.sql) await q(statement);
      await q('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** The database the environment asks for: DATABASE_URL (PostgreSQL), else PGlite in dataDir. */
export async function openDb(options: { databaseUrl?: string | undefined; databaseSchema?: string | undefined; dataDir: string | null }): Promise<Db> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl, options.databaseSchema) : await openPglite(options.dataDir);
  await migrate(db);
  return db;
}
