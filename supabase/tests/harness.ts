// The database test harness: one fresh database per test file (PGlite in memory, and a
// uniquely named database on the Postgres server when TEST_DATABASE_URL is set), with the
// platform slice and our migrations applied, and a way to act as a fixture user inside a
// transaction that always rolls back, so tests never leak writes into each other.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, pgliteSql } from '../../stack/db/pglite.ts';
import { connectPg } from '../../stack/db/pg.ts';
import { prepareDatabase } from '../../stack/db/migrate.ts';
import type { Sql } from '../../stack/db/sql.ts';
import { loadFixtures, type Fixtures } from './fixtures.ts';

export type Target = 'pglite' | 'postgres';

/** PGlite always; the Postgres server too when TEST_DATABASE_URL names one. */
export function targets(): Target[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export const serverUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

/** The five actors of the authorization matrix. */
export type MatrixActor = 'anon' | 'member' | 'anotherMember' | 'lead' | 'steering';
export type Actor = MatrixActor | 'service_role';
export const actors: MatrixActor[] = ['anon', 'member', 'anotherMember', 'lead', 'steering'];

/** Who to act as: a named fixture actor, or any user id (signed in as `authenticated`). */
export type ActAs = Actor | { id: string; email?: string };

export interface TestDatabase {
  target: Target;
  /** Superuser connection (bypasses RLS): set-up and checks only. */
  sql: Sql;
  /** Connection string of the database (server target only). */
  url?: string;
  /** Fixture ids; present when opened with fixtures. */
  fixtures: Fixtures;
  /** Runs fn in a transaction as the actor and rolls it back afterwards. */
  as<T>(actor: ActAs, fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Load supabase/seed.sql (the demo network). Default false. */
  seed?: boolean;
  /** Load the test fixtures (fixtures.ts). Default: true unless seeding. */
  fixtures?: boolean;
}

/** Swaps the database name in a postgres:// URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

/** Creates an empty, uniquely named database on the server; returns its URL and a dropper. */
export async function createServerDatabase(
  prefix = 'hub_test'
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const admin = serverUrl();
  if (!admin) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const drop = async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name]
      );
      await c.query(`drop database if exists ${name}`);
    } finally {
      await c.end();
    }
  };
  return { url: withDatabase(admin, name), name, drop };
}

/** Opens a bare database of the target kind (nothing applied). */
export async function openBareDatabase(
  target: Target
): Promise<{ sql: Sql; url?: string; close: () => Promise<void> }> {
  if (target === 'pglite') {
    const db = await openPglite('memory://');
    const sql = pgliteSql(db);
    return { sql, close: () => sql.close() };
  }
  const created = await createServerDatabase();
  const sql = connectPg(created.url, 4);
  return {
    sql,
    url: created.url,
    close: async () => {
      await sql.close();
      await created.drop();
    }
  };
}

class Rollback {
  value: unknown;
  constructor(value: unknown) {
    this.value = value;
  }
}

/** The JWT claims PostgREST would set for this actor. */
export function claimsFor(
  actor: ActAs,
  fixtures?: Fixtures
): { role: string; sub?: string; email?: string } {
  if (actor === 'anon') return { role: 'anon' };
  if (actor === 'service_role') return { role: 'service_role' };
  if (typeof actor === 'object')
    return { role: 'authenticated', sub: actor.id, email: actor.email };
  if (!fixtures) throw new Error(`No fixtures loaded: cannot act as ${actor}`);
  const user = fixtures.users[actor];
  return { role: 'authenticated', sub: user.id, email: user.email };
}

/** Runs fn inside the current transaction as the actor (set local: ends with it). */
export async function becomeActor(tx: Sql, actor: ActAs, fixtures?: Fixtures): Promise<void> {
  const claims = claimsFor(actor, fixtures);
  await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
  await tx.exec(`set local role ${claims.role}`);
}

/**
 * Runs fn in a transaction as `actor`, then rolls back whatever happened. If fn throws,
 * the error propagates (the transaction is rolled back all the same).
 */
export async function actAs<T>(
  sql: Sql,
  actor: ActAs,
  fixtures: Fixtures | undefined,
  fn: (tx: Sql) => Promise<T>
): Promise<T> {
  try {
    await sql.transaction(async (tx) => {
      await becomeActor(tx, actor, fixtures);
      throw new Rollback(await fn(tx));
    });
  } catch (e) {
    if (e instanceof Rollback) return e.value as T;
    throw e;
  }
  throw new Error('unreachable: the transaction always rolls back');
}

export async function openTestDatabase(
  target: Target,
  opts: OpenOptions = {}
): Promise<TestDatabase> {
  const seed = opts.seed ?? false;
  const withFixtures = opts.fixtures ?? !seed;
  const bare = await openBareDatabase(target);
  try {
    await prepareDatabase(bare.sql, { seed });
    const fixtures = withFixtures
      ? await loadFixtures(bare.sql)
      : (undefined as unknown as Fixtures);
    return {
      target,
      sql: bare.sql,
      url: bare.url,
      fixtures,
      as: (actor, fn) => actAs(bare.sql, actor, fixtures, fn),
      close: bare.close
    };
  } catch (e) {
    await bare.close().catch(() => {});
    throw e;
  }
}

let savepoints = 0;

/** Postgres error with its SQLSTATE, as both drivers report it. */
export interface DbError extends Error {
  code?: string;
}

/**
 * Runs one statement inside a savepoint; returns the error it raised (rolled back to the
 * savepoint so the surrounding transaction stays usable), or undefined when it succeeded.
 */
export async function tryQuery(
  tx: Sql,
  text: string,
  params?: unknown[]
): Promise<{ error?: DbError; rows: Record<string, unknown>[]; rowCount: number }> {
  const name = `try_${++savepoints}`;
  await tx.exec(`savepoint ${name}`);
  try {
    const r = await tx.query(text, params);
    await tx.exec(`release savepoint ${name}`);
    return { rows: r.rows, rowCount: r.rowCount };
  } catch (e) {
    await tx.exec(`rollback to savepoint ${name}`);
    return { error: e as DbError, rows: [], rowCount: 0 };
  }
}

/** Count of rows a query returns. */
export async function count(tx: Sql, text: string, params?: unknown[]): Promise<number> {
  const r = await tx.query<{ n: number }>(`select count(*)::int as n from (${text}) q`, params);
  return r.rows[0]!.n;
}

/** Runs fn in a transaction as the connection's own (super)user, then rolls it back. */
export async function inRollback<T>(sql: Sql, fn: (tx: Sql) => Promise<T>): Promise<T> {
  try {
    await sql.transaction(async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (e) {
    if (e instanceof Rollback) return e.value as T;
    throw e;
  }
  throw new Error('unreachable: the transaction always rolls back');
}
