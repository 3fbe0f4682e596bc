// The authorization matrix runner: a table of expectations per database table (what each
// actor sees, and what each may insert, update and delete), turned into one test per
// table x actor x operation. Every case runs in its own rolled-back transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actors,
  openTestDatabase,
  tryQuery,
  type MatrixActor,
  type Actor,
  type OpenOptions,
  type Target,
  type TestDatabase
} from './harness.ts';
import type { Fixtures } from './fixtures.ts';

/** The write was refused with an error (SQLSTATE 42501: RLS or a missing grant). */
export const DENIED = 'denied' as const;
export type Outcome = number | typeof DENIED;

export interface Operation {
  /** SQL ending in `returning ...`; $1 is the actor's user id (null for anon). */
  sql: string;
  /** Extra parameters after $1 (fixture ids). */
  params?: (f: Fixtures) => unknown[];
  /** Rows affected per actor, or DENIED. */
  expect: Record<MatrixActor, Outcome>;
  /** The SQLSTATE a refusal carries; 42501 unless said. */
  deniedCode?: string;
}

export interface TableExpectations {
  table: string;
  /** What `select count(*) from <table>` gives each actor (RLS-filtered), or DENIED. */
  select: Record<MatrixActor, Outcome>;
  insert: Operation;
  update: Operation;
  delete: Operation;
  /**
   * Further writes worth a row of their own (e.g. "update created_by"), each run for every
   * actor like the three above.
   */
  more?: Record<string, Operation>;
}

/** The number of rows the superuser sees: the denominator for filtered reads. */
export const all = (n: number): Record<MatrixActor, number> => ({
  anon: n,
  member: n,
  anotherMember: n,
  lead: n,
  steering: n
});

/** A write every actor is refused (a missing grant, or written by triggers only). */
export const refusedToAll: Record<MatrixActor, Outcome> = {
  anon: DENIED,
  member: DENIED,
  anotherMember: DENIED,
  lead: DENIED,
  steering: DENIED
};

const describeOutcome = (o: Outcome) =>
  o === DENIED
    ? 'is refused'
    : o === 0
      ? 'affects no rows'
      : `affects ${o} row${o === 1 ? '' : 's'}`;

/**
 * Postgres refuses parameters a statement does not use (their type is unknown), so keep
 * only the referenced ones and renumber: `$2, $3` with `$1` unused become `$1, $2`.
 */
export function onlyUsedParams(text: string, params: unknown[]): [string, unknown[]] {
  const used = [...new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort(
    (a, b) => a - b
  );
  const renumber = new Map(used.map((n, i) => [n, i + 1]));
  return [
    text.replace(/\$(\d+)/g, (_, n) => `$${renumber.get(Number(n))}`),
    used.map((n) => params[n - 1])
  ];
}

export async function runOperation(
  db: TestDatabase,
  actor: MatrixActor,
  op: Operation
): Promise<Outcome | { unexpected: string }> {
  const uid = actor === 'anon' ? null : db.fixtures.users[actor as Exclude<MatrixActor, 'anon'>].id;
  const [text, params] = onlyUsedParams(op.sql, [uid, ...(op.params?.(db.fixtures) ?? [])]);
  return db.as(actor, async (tx) => {
    const r = await tryQuery(tx, text, params);
    if (r.error) {
      if (r.error.code === (op.deniedCode ?? '42501')) return DENIED;
      return { unexpected: `${r.error.code}: ${r.error.message}` };
    }
    return r.rows.length;
  });
}

/** Declares the matrix tests for some tables against a database opened in beforeAll. */
export function matrixTests(getDb: () => TestDatabase, tables: TableExpectations[]): void {
  describe.each(tables)('$table', (t) => {
    it.each(actors.map((a) => [a, t.select[a] === DENIED ? 'is refused' : `sees ${t.select[a]}`]))(
      `select: %s %s`,
      async (actor) => {
        const db = getDb();
        const seen = await db.as(actor as Actor, async (tx) => {
          const r = await tryQuery(tx, `select count(*)::int as n from public.${t.table}`);
          if (r.error)
            return r.error.code === '42501' ? DENIED : `${r.error.code}: ${r.error.message}`;
          return r.rows[0]!.n as number;
        });
        expect(seen, `${actor} reading ${t.table}`).toBe(t.select[actor as MatrixActor]);
      }
    );
    const ops: [string, Operation][] = [
      ['insert', t.insert],
      ['update', t.update],
      ['delete', t.delete],
      ...Object.entries(t.more ?? {})
    ];
    for (const [kind, op] of ops) {
      it.each(actors.map((a) => [a, describeOutcome(op.expect[a])]))(
        `${kind}: %s %s`,
        async (actor) => {
          const got = await runOperation(getDb(), actor as MatrixActor, op);
          expect(got, `${actor} ${kind} on ${t.table}`).toEqual(op.expect[actor as MatrixActor]);
        }
      );
    }
  });
}

/** The superuser's row count of a table (fixtures only, no RLS). */
export async function totalRows(db: TestDatabase, table: string): Promise<number> {
  const { rows } = await db.sql.query<{ n: number }>(
    `select count(*)::int as n from public.${table}`
  );
  return rows[0]!.n;
}

/** Opens one database for the enclosing describe block (beforeAll) and closes it after. */
export function useDatabase(target: Target, opts: OpenOptions = {}): () => TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await openTestDatabase(target, opts);
  });
  afterAll(async () => {
    await db?.close();
  });
  return () => {
    if (!db) throw new Error('The test database did not open (see beforeAll)');
    return db;
  };
}

/** Expects a statement to be refused with the SQLSTATE (42501 unless said). */
export async function expectRefused(
  db: TestDatabase,
  actor: Actor,
  text: string,
  params: unknown[] = [],
  code = '42501'
): Promise<string> {
  const error = await db.as(actor, async (tx) => (await tryQuery(tx, text, params)).error);
  expect(error, `${actor}: ${text}`).toBeDefined();
  expect(error!.code, error!.message).toBe(code);
  return error!.message;
}

/** Rows a statement returns for the actor (rolled back). */
export async function rowsAs<Row = Record<string, unknown>>(
  db: TestDatabase,
  actor: Actor,
  text: string,
  params: unknown[] = []
): Promise<Row[]> {
  return db.as(actor, async (tx) => (await tx.query<Row>(text, params)).rows);
}
