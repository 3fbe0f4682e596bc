import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Sql } from './sql.ts';

/**
 * Opens PGlite with its data at `dataDir` ('memory://' for a throwaway database).
 * The parent folder must exist before PGlite opens it.
 */
export async function openPglite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dirname(dataDir), { recursive: true });
  // Same value shapes as `pg` (see pg.ts): timestamps as strings, bigint as number.
  const same = (v: string) => v;
  const db = new PGlite(dataDir, {
    parsers: { 1184: same, 1114: same, 1082: same, 20: (v: string) => Number(v) },
    // Each extension a migration creates (`create extension`) must be loaded here too.
    extensions: { pg_trgm }
  });
  await db.waitReady;
  return db;
}

/** The Sql interface over an in-process PGlite (used by tests and the migrator). */
export function pgliteSql(db: PGlite, owned = true): Sql {
  const self: Sql = {
    async query<Row>(text: string, params?: unknown[]) {
      const r = await db.query<Row>(text, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(text: string) {
      await db.exec(text);
    },
    async transaction(fn) {
      return db.transaction(async (tx) => {
        const inner: Sql = {
          async query<Row>(text: string, params?: unknown[]) {
            const r = await tx.query<Row>(text, params);
            return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
          },
          async exec(text: string) {
            await tx.exec(text);
          },
          transaction: (f) => f(inner),
          close: async () => {}
        };
        return fn(inner);
      });
    },
    async close() {
      if (owned) await db.close();
    }
  };
  return self;
}
