import pg from 'pg';
import type { Sql, QueryResult } from './sql.ts';

// Timestamps and numerics come back as strings, as from PostgREST; callers parse.
pg.types.setTypeParser(1184, (v) => v); // timestamptz
pg.types.setTypeParser(1114, (v) => v); // timestamp
pg.types.setTypeParser(1082, (v) => v); // date
pg.types.setTypeParser(20, (v) => Number(v)); // bigint counts fit in a double here

type Queryable = pg.Pool | pg.PoolClient;

function wrap(q: Queryable, onClose: () => Promise<void>): Sql {
  const self: Sql = {
    async query<Row>(text: string, params?: unknown[]) {
      const r = await q.query(text, params as unknown[]);
      return { rows: r.rows as Row[], rowCount: r.rowCount ?? 0 } satisfies QueryResult<Row>;
    },
    async exec(text: string) {
      await q.query(text);
    },
    async transaction(fn) {
      if (!('connect' in q) || typeof (q as pg.Pool).totalCount !== 'number') {
        // Already on one client: nest with a savepoint.
        await q.query('savepoint nested');
        try {
          const out = await fn(self);
          await q.query('release savepoint nested');
          return out;
        } catch (e) {
          await q.query('rollback to savepoint nested');
          throw e;
        }
      }
      const client = await (q as pg.Pool).connect();
      try {
        await client.query('begin');
        const out = await fn(wrap(client, async () => {}));
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: onClose
  };
  return self;
}

/** A pooled connection to a Postgres server (or to the embedded one over its socket). */
export function connectPg(url: string, max = 4): Sql {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  return wrap(pool, () => pool.end());
}
