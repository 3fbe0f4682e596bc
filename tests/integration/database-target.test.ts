import { describe, expect, it } from 'vitest';
import { connectPg } from '../../stack/db/pg.ts';
import { anonClient, hub } from './hub.ts';
import { integrationDatabase } from './database-target.ts';

// The integration run is on the database it says it is: the embedded PGlite, or (the
// production path) a fresh database on the Postgres server that the stack migrated and
// seeded, read by PostgREST logged in as `authenticator`.
describe(`the stack under test (${integrationDatabase()})`, () => {
  it('serves the data API from the database this run is for', async () => {
    const sql = connectPg(hub().dbUrl, 1);
    try {
      const { rows } = await sql.query<{ db: string; who: string[]; ws: number }>(
        `select current_database() as db,
                (select array_agg(distinct usename::text order by usename::text) from pg_stat_activity
                  where datname = current_database() and usename is not null) as who,
                (select count(*)::int from public.workstreams where status in ('active', 'closed')) as ws`
      );
      const here = rows[0]!;
      if (integrationDatabase() === 'postgres') {
        expect(here.db).toMatch(/^hub_integration_/);
        expect(here.who).toContain('authenticator');
      } else {
        expect(here.db).toBe('postgres');
      }
      const api = await anonClient()
        .from('workstreams')
        .select('id', { count: 'exact', head: true })
        .in('status', ['active', 'closed']);
      expect(api.error).toBeNull();
      expect(here.ws).toBeGreaterThan(0);
      expect(api.count).toBe(here.ws);
    } finally {
      await sql.close();
    }
  });
});
