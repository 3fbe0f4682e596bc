// The large seed generator at --scale 0.01: the counts it prints follow the scale, the rows
// keep the schema's rules, and the same seed gives the same rows (a different seed does not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../stack/db/sql.ts';
import { countLarge, plannedCounts, seedLarge } from '../../scripts/seed-large.ts';
import { openTestDatabase, serverUrl, targets, type TestDatabase } from './harness.ts';

const SCALE = 0.01;

/** Row digests of the generated tables: same seed, same digests. */
async function digests(sql: Sql): Promise<Record<string, string>> {
  const q = async (text: string) => (await sql.query<{ d: string }>(text)).rows[0]!.d;
  return {
    commitments: await q(
      `select md5(string_agg(id::text || title || status::text || visibility::text || coalesce(next_check_in_on - current_date, 0)::text, ',' order by id)) as d
       from commitments where title not like 'Fixture%'`
    ),
    outputs: await q(
      `select md5(string_agg(slug || title || status::text || kind::text, ',' order by slug)) as d from outputs where slug like 'large-%'`
    ),
    profiles: await q(
      `select md5(string_agg(p.handle || p.display_name || coalesce(p.organisation_id::text, '-'), ',' order by p.handle)) as d
       from profiles p join auth.users u on u.id = p.id where u.email like '%@large.localgov.test'`
    ),
    registrations: await q(
      `select md5(string_agg(r.user_id::text || r.status::text || coalesce(r.position, 0)::text, ',' order by e.slug, r.user_id)) as d
       from registrations r join events e on e.id = r.event_id where e.slug like 'large-%'`
    )
  };
}

describe.each(targets())(
  'the large seed at scale %s on %s'.replace('%s', String(SCALE)),
  (target) => {
    const planned = plannedCounts(SCALE);
    let a: TestDatabase;
    let b: TestDatabase;
    let counts: Record<string, number>;
    let seconds: number;

    beforeAll(async () => {
      a = await openTestDatabase(target, { fixtures: false });
      const started = performance.now();
      counts = await seedLarge(a.sql, { seed: 42, scale: SCALE });
      seconds = (performance.now() - started) / 1000;
      b = await openTestDatabase(target, { fixtures: false });
      await seedLarge(b.sql, { seed: 42, scale: SCALE });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it('loads the planned number of rows for the scale, read back from the database', () => {
      expect(seconds).toBeGreaterThan(0);
      expect(counts['auth.users']).toBe(planned.members);
      expect(counts.profiles).toBe(planned.members);
      expect(counts.organisations).toBe(planned.organisations);
      expect(counts.workstreams).toBe(planned.workstreams);
      expect(counts.commitments).toBe(planned.commitments);
      expect(counts.check_ins).toBe(planned.checkIns);
      expect(counts.outputs).toBe(planned.outputs);
      expect(counts.patterns).toBe(planned.patterns);
      expect(counts.events).toBe(planned.events);
      expect(counts.registrations).toBe(planned.registrations);
      expect(counts.outcomes).toBe(40);
    });

    it('scales to the sizes the brief asks for at scale 1', () => {
      const full = plannedCounts(1);
      expect(full.members).toBeGreaterThanOrEqual(20_000);
      expect(full.workstreams).toBeGreaterThanOrEqual(300);
      expect(full.commitments).toBeGreaterThanOrEqual(100_000);
      expect(full.checkIns).toBeGreaterThanOrEqual(300_000);
      expect(full.outputs).toBeGreaterThanOrEqual(30_000);
      expect(full.patterns).toBeGreaterThanOrEqual(3_000);
      expect(full.events).toBeGreaterThanOrEqual(5_000);
      expect(full.registrations).toBeGreaterThanOrEqual(200_000);
      // And the small run is a hundredth of it.
      expect(planned.commitments * 100).toBe(full.commitments);
      expect(planned.registrations * 100).toBe(full.registrations);
    });

    it('fills the join tables too (members, contributors, reuse, adoptions, sessions, tags, activity)', () => {
      for (const t of [
        'workstream_members',
        'commitment_watchers',
        'output_contributors',
        'output_reuses',
        'pattern_examples',
        'pattern_adoptions',
        'event_sessions',
        'activity'
      ]) {
        expect(counts[t], t).toBeGreaterThan(0);
      }
      expect(counts.output_contributors).toBeGreaterThanOrEqual(planned.outputs);
      expect(counts.activity).toBeGreaterThanOrEqual(planned.commitments + planned.checkIns);
    });

    it('two runs with the same seed give identical rows', async () => {
      expect(await digests(b.sql)).toEqual(await digests(a.sql));
      expect(await countLarge(b.sql)).toEqual(counts);
    });

    it('a different seed gives different rows', async () => {
      const other = await openTestDatabase(target, { fixtures: false });
      try {
        await seedLarge(other.sql, { seed: 7, scale: SCALE });
        const [x, y] = [await digests(a.sql), await digests(other.sql)];
        expect(y.commitments).not.toBe(x.commitments);
        expect(y.registrations).not.toBe(x.registrations);
      } finally {
        await other.close();
      }
    });

    it('refuses to load twice into the same database', async () => {
      await expect(seedLarge(a.sql, { seed: 42, scale: SCALE })).rejects.toThrow(/already loaded/);
    });

    it('keeps the schema’s rules: registrations within capacity, waiting lists numbered 1..n', async () => {
      const { rows } = await a.sql.query<{ over: number; gaps: number }>(`
      with per_event as (
        select e.id, e.capacity,
               count(*) filter (where r.status = 'going') as going,
               count(*) filter (where r.status = 'waitlisted') as waiting,
               coalesce(max(r.position), 0) as top,
               count(distinct r.position) as distinct_positions
        from events e join registrations r on r.event_id = e.id
        group by e.id, e.capacity)
      select count(*) filter (where capacity is not null and going > capacity)::int as over,
             count(*) filter (where top <> waiting or distinct_positions <> waiting)::int as gaps
      from per_event`);
      expect(rows[0]!).toEqual({ over: 0, gaps: 0 });
    });

    it('gives the steering view something to show: overdue, dormant and done commitments', async () => {
      const { rows } = await a.sql.query<{ staleness: string; n: number }>(
        `select staleness, count(*)::int as n from commitment_overview group by 1 order by 1`
      );
      const by = Object.fromEntries(rows.map((r) => [r.staleness, r.n]));
      expect(by.overdue).toBeGreaterThan(0);
      expect(by.dormant).toBeGreaterThan(0);
      expect(by.on_track).toBeGreaterThan(0);
    });

    it('the generated rows are readable through Row Level Security (public ones by visitors)', async () => {
      const n = await a.as(
        'anon',
        async (tx) =>
          (await tx.query<{ n: number }>(`select count(*)::int as n from outputs`)).rows[0]!.n
      );
      const published = (
        await a.sql.query<{ n: number }>(
          `select count(*)::int as n from outputs where status = 'published'`
        )
      ).rows[0]!.n;
      expect(n).toBe(published);
      expect(n).toBeGreaterThan(0);
    });

    it('leaves triggers switched on afterwards', async () => {
      const { rows } = await a.sql.query<{ role: string }>(
        `select current_setting('session_replication_role') as role`
      );
      expect(rows[0]!.role).toBe('origin');
    });
  }
);

describe.skipIf(!serverUrl())(
  serverUrl()
    ? 'the large seed on PGlite and on the Postgres server'
    : 'the large seed on PGlite and on the Postgres server (skipped: set TEST_DATABASE_URL)',
  () => {
    it('the same seed gives the same rows on both databases', async () => {
      const found: Record<string, string>[] = [];
      for (const target of ['pglite', 'postgres'] as const) {
        const db = await openTestDatabase(target, { fixtures: false });
        try {
          await seedLarge(db.sql, { seed: 42, scale: SCALE });
          found.push(await digests(db.sql));
        } finally {
          await db.close();
        }
      }
      expect(found[1]).toEqual(found[0]);
    });
  }
);
