// Concurrent edits: the app sends back the version it read. A stale version changes
// nothing and is reported (SQLSTATE PT409, which PostgREST answers as HTTP 409, with a
// message a person can act on); the current version saves and bumps version and updated_at.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { inRollback, serverUrl, targets, tryQuery, type Actor } from './harness.ts';
import { useDatabase } from './matrix.ts';

interface Case {
  table: string;
  thing: string;
  actor: Actor;
  id: string;
  column: string;
}

const cases: Case[] = [
  {
    table: 'commitments',
    thing: 'commitment',
    actor: 'member',
    id: ids.cMemberPublic,
    column: 'title'
  },
  {
    table: 'workstreams',
    thing: 'workstream',
    actor: 'lead',
    id: ids.wsLeadActive,
    column: 'title'
  },
  { table: 'outputs', thing: 'output', actor: 'member', id: ids.oMemberPublished, column: 'title' },
  {
    table: 'patterns',
    thing: 'pattern',
    actor: 'member',
    id: ids.pMemberPublished,
    column: 'title'
  },
  { table: 'events', thing: 'event', actor: 'lead', id: ids.eMeetup, column: 'title' },
  { table: 'profiles', thing: 'profile', actor: 'member', id: ids.member, column: 'display_name' }
];

describe.each(targets())('edit conflicts on %s', (target) => {
  const db = useDatabase(target);

  describe.each(cases)('$table', ({ table, thing, actor, id, column }) => {
    const read = `select ${column} as value, version, updated_at::text as updated_at from ${table} where id = $1`;

    it(`a stale version changes nothing and is reported: "This ${thing} was changed by someone else since you opened it."`, async () => {
      const out = await db().as(actor, async (tx) => {
        const opened = (await tx.query<{ version: number }>(read, [id])).rows[0]!;
        // Someone else saves in between (their save carries the version they read).
        await tx.query(`update ${table} set ${column} = 'Their edit', version = $2 where id = $1`, [
          id,
          opened.version
        ]);
        const mine = await tryQuery(
          tx,
          `update ${table} set ${column} = 'My edit', version = $2 where id = $1 returning id`,
          [id, opened.version]
        );
        const now = (await tx.query<{ value: string; version: number }>(read, [id])).rows[0]!;
        return { opened, error: mine.error, now };
      });
      expect(out.error?.code).toBe('PT409');
      expect(out.error?.message).toBe(
        `This ${thing} was changed by someone else since you opened it.`
      );
      expect(out.now.value).toBe('Their edit');
      expect(out.now.version).toBe(out.opened.version + 1);
    });

    it('the current version saves, and bumps version and updated_at', async () => {
      const out = await db().as(actor, async (tx) => {
        const opened = (await tx.query<{ version: number; updated_at: string }>(read, [id]))
          .rows[0]!;
        const saved = await tx.query<{
          value: string;
          version: number;
          touched: boolean;
          later: boolean;
        }>(
          `update ${table} set ${column} = 'My edit', version = $2 where id = $1
           returning ${column} as value, version, updated_at = now() as touched, updated_at > $3::timestamptz as later`,
          [id, opened.version, opened.updated_at]
        );
        return { opened, saved: saved.rows };
      });
      expect(out.saved).toEqual([
        { value: 'My edit', version: out.opened.version + 1, touched: true, later: true }
      ]);
    });

    it('an edit that does not mention the version still bumps it (and cannot set it)', async () => {
      const out = await db().as(actor, async (tx) => {
        const opened = (await tx.query<{ version: number }>(read, [id])).rows[0]!;
        const saved = await tx.query<{ version: number }>(
          `update ${table} set ${column} = 'Plain edit' where id = $1 returning version`,
          [id]
        );
        const jump = await tryQuery(
          tx,
          `update ${table} set version = version + 10 where id = $1`,
          [id]
        );
        return { opened: opened.version, saved: saved.rows[0]!.version, jump: jump.error?.code };
      });
      expect(out.saved).toBe(out.opened + 1);
      expect(out.jump).toBe('PT409');
    });
  });

  it('every table with a version column refuses a stale version', async () => {
    const tables = (
      await db().sql.query<{ table_name: string }>(
        `select c.table_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = 'public' and c.column_name = 'version' and t.table_type = 'BASE TABLE'
         order by 1`
      )
    ).rows.map((r) => r.table_name);
    expect(tables.length).toBeGreaterThanOrEqual(15);
    // As the superuser (no RLS, no grants in the way): this is about the trigger only.
    const results = await inRollback(db().sql, async (tx) => {
      const out: Record<string, string | undefined> = {};
      for (const t of tables) {
        const n = (await tx.query<{ n: number }>(`select count(*)::int as n from ${t}`)).rows[0]!.n;
        if (n === 0) {
          out[t] = 'no fixture row';
          continue;
        }
        const r = await tryQuery(
          tx,
          `update ${t} set version = version - 1 where ctid = (select ctid from ${t} limit 1)`
        );
        out[t] = r.error ? `${r.error.code} ${r.error.message}` : 'accepted';
      }
      return out;
    });
    for (const t of tables)
      expect(results[t], t).toMatch(
        /^PT409 This .+ was changed by someone else since you opened it\.$/
      );
  });

  // Regression: profiles.search_vector calls private.skills_text(), which the service
  // role (server-side jobs) must be allowed to execute.
  it('the service role (server-side jobs) can update a profile', async () => {
    const rows = await db().as(
      'service_role',
      async (tx) =>
        (
          await tx.query(
            `update profiles set digest_frequency = 'never' where id = $1 returning id`,
            [ids.member]
          )
        ).rows
    );
    expect(rows).toHaveLength(1);
  });

  it.skipIf(target !== 'postgres' || !serverUrl())(
    'two people saving the same commitment at once: the second is told, not overwritten',
    async () => {
      const pool = new pg.Pool({ connectionString: db().url, max: 2 });
      pool.on('error', () => {});
      const [a, b] = [await pool.connect(), await pool.connect()];
      try {
        const open = async (c: pg.PoolClient, who: string) => {
          await c.query('begin');
          await c.query(`select set_config('request.jwt.claims', $1, true)`, [
            JSON.stringify({ role: 'authenticated', sub: who })
          ]);
          await c.query('set local role authenticated');
        };
        const { rows } = await db().sql.query<{ version: number }>(
          'select version from commitments where id = $1',
          [ids.cLeadPublic]
        );
        const v = rows[0]!.version;
        await open(a, ids.lead);
        await open(b, ids.steering);
        await a.query(`update commitments set title = 'Lee’s edit', version = $2 where id = $1`, [
          ids.cLeadPublic,
          v
        ]);
        // b's update waits for a's row lock, then sees a's committed version.
        const second = b
          .query(`update commitments set title = 'Steering’s edit', version = $2 where id = $1`, [
            ids.cLeadPublic,
            v
          ])
          .then(
            () => undefined,
            (e: { code?: string }) => e.code
          );
        await a.query('commit');
        expect(await second).toBe('PT409');
        await b.query('rollback');
        const after = await db().sql.query<{ title: string; version: number }>(
          'select title, version from commitments where id = $1',
          [ids.cLeadPublic]
        );
        expect(after.rows[0]!).toEqual({ title: 'Lee’s edit', version: v + 1 });
      } finally {
        a.release();
        b.release();
        await pool.end();
      }
    }
  );
});
