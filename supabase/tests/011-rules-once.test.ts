// Rules once: staleness (overdue, dormant, the 30-day threshold) is private.staleness,
// and every view and steering report that shows or counts it agrees with it at each
// boundary. The function is inlined where it is used (no per-row call), the threshold is
// spelled in one place, and the objects earlier migrations redefined name their one live
// definition.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { becomeActor, inRollback, targets, tryQuery } from './harness.ts';
import { useDatabase } from './matrix.ts';
import type { Sql } from '../../stack/db/sql.ts';

// [status, next check-in as days from today]: either side of each boundary.
const probes: [string, number][] = [
  ['planned', 7],
  ['in_progress', 0],
  ['in_progress', -1],
  ['blocked', -29],
  ['planned', -30],
  ['planned', -31],
  ['blocked', -35],
  ['in_progress', -38],
  ['planned', -39],
  ['in_progress', -200],
  ['done', -200],
  ['dropped', -45]
];

/** Inserts the probes into the paused workstream (it has no commitments of its own). */
async function insertProbes(tx: Sql): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  for (const [status, days] of probes) {
    const { rows } = await tx.query<{ id: string }>(
      `insert into commitments (owner_id, workstream_id, title, status, next_check_in_on, closing_note)
       values ($1, $2, 'Probe', $3::commitment_status, private.london_today() + $4::int,
               case when $3 in ('done', 'dropped') then 'Closed with a note' end)
       returning id`,
      [ids.member, ids.wsPaused, status, days]
    );
    byId.set(rows[0]!.id, `${status} ${days}`);
  }
  return byId;
}

// Supabase's migrations folder, to read what the database comments point at.
const migrations = join(import.meta.dirname, '..', 'migrations');

describe.each(targets())('rules once on %s', (target) => {
  const db = useDatabase(target);

  it('the view, the workstream counts and the steering report agree on staleness at every boundary', async () => {
    const out = await inRollback(db().sql, async (tx) => {
      const probe = await insertProbes(tx);
      await becomeActor(tx, 'steering', db().fixtures);
      const view = (
        await tx.query<{ id: string; staleness: string; days_overdue: number }>(
          `select id, staleness, days_overdue from commitment_overview where workstream_id = $1`,
          [ids.wsPaused]
        )
      ).rows;
      const stats = (
        await tx.query<{ overdue: number; dormant: number }>(
          `select overdue, dormant from steering_workstream_stats() where workstream_id = $1`,
          [ids.wsPaused]
        )
      ).rows[0]!;
      const summary = (
        await tx.query<{ n: number }>(
          `select overdue_commitments as n from workstream_summary where id = $1`,
          [ids.wsPaused]
        )
      ).rows[0]!.n;
      const overdueList = (
        await tx.query<{ id: string; staleness: string; days_overdue: number }>(
          `select id, staleness, days_overdue from steering_overdue(10000, 0)`
        )
      ).rows.filter((r) => probe.has(r.id));
      const label = (id: string) => probe.get(id)!;
      return {
        view: Object.fromEntries(
          view.map((r) => [label(r.id), `${r.staleness} ${r.days_overdue}`])
        ),
        stats,
        summary,
        overdueList: Object.fromEntries(
          overdueList.map((r) => [label(r.id), `${r.staleness} ${r.days_overdue}`])
        )
      };
    });
    expect(out.view).toEqual({
      'planned 7': 'on_track 0',
      'in_progress 0': 'on_track 0',
      'in_progress -1': 'overdue 1',
      'blocked -29': 'overdue 29',
      'planned -30': 'overdue 30',
      'planned -31': 'dormant 31',
      'blocked -35': 'dormant 35',
      'in_progress -38': 'dormant 38',
      'planned -39': 'dormant 39',
      'in_progress -200': 'dormant 200',
      'done -200': 'on_track 0',
      'dropped -45': 'on_track 0'
    });
    // The steering list holds exactly the stale ones, labelled as the view labels them.
    const stale = Object.fromEntries(
      Object.entries(out.view).filter(([, s]) => !s.startsWith('on_track'))
    );
    expect(out.overdueList).toEqual(stale);
    expect(out.stats).toEqual({ overdue: 3, dormant: 5 });
    expect(out.summary).toBe(8);
  });

  it('the weekly digest reports becoming overdue and dormant on the days the view turns', async () => {
    const items = await inRollback(db().sql, async (tx) => {
      const probe = await insertProbes(tx);
      await becomeActor(tx, 'steering', db().fixtures);
      const { rows } = await tx.query<{ commitment_id: string; kind: string; day: number }>(
        `select commitment_id, kind,
                ((occurred_at at time zone 'Europe/London')::date - private.london_today()) as day
         from steering_digest_items(private.london_today() - 7)
         where kind in ('overdue', 'dormant')`
      );
      return rows
        .filter((r) => probe.has(r.commitment_id))
        .map((r) => `${probe.get(r.commitment_id)}: ${r.kind} on day ${r.day}`)
        .sort();
    });
    // Overdue the day after the check-in date; dormant 31 days after it. Within the week:
    expect(items).toEqual([
      'blocked -35: dormant on day -4',
      'in_progress -1: overdue on day 0',
      'in_progress -38: dormant on day -7',
      'planned -31: dormant on day 0'
    ]);
  });

  it.each([
    ['steering_workstream_stats()', 'Only the steering group can see the steering view.'],
    ['steering_overdue(25, 0)', 'Only the steering group can see the steering view.'],
    ['steering_digest_items(null)', 'Only the steering group can see the weekly digest.'],
    ['steering_report()', 'Only the steering group can see the steering view.'],
    ['steering_digest(null)', 'Only the steering group can see the weekly digest.']
  ])('a member outside the steering group is refused %s (42501)', async (call, message) => {
    const error = await db().as('member', async (tx) => {
      const r = await tryQuery(tx, `select * from public.${call}`);
      return r.error && { code: r.error.code, message: r.error.message };
    });
    expect(error).toEqual({ code: '42501', message });
  });

  it('the steering report and digest answer one typed row whose lists match the functions they gather', async () => {
    const out = await db().as('steering', async (tx) => {
      const report = (
        await tx.query<{
          types: string;
          workstream_total: number;
          workstreams: number;
          totals_total: number;
          months: number;
          overdue_total: number;
          overdue_ids: string[];
        }>(
          `select pg_typeof(r.workstreams)::text || ' ' || pg_typeof(r.totals)::text || ' ' ||
                  pg_typeof(r.months)::text || ' ' || pg_typeof(r.overdue)::text || ' ' ||
                  pg_typeof(r.organisations)::text as types,
                  r.workstream_total, cardinality(r.workstreams) as workstreams,
                  (r.totals).total as totals_total, cardinality(r.months) as months,
                  r.overdue_total, array(select (o).id::text from unnest(r.overdue) o) as overdue_ids
           from steering_report(10000, 0, 10000, 0, 10000) r`
        )
      ).rows;
      const stats = (
        await tx.query<{ n: number; total: number }>(
          `select count(*)::integer as n, sum(total)::integer as total from steering_workstream_stats()`
        )
      ).rows[0]!;
      const overdue = (
        await tx.query<{ id: string }>(
          `select id::text as id from steering_overdue(10000, 0) order by days_overdue desc, id`
        )
      ).rows.map((r) => r.id);
      const digest = (
        await tx.query<{ items: number; kinds: string[] }>(
          `select cardinality(d.items) as items, array(select (i).kind from unnest(d.items) i) as kinds
           from steering_digest(private.london_today() - 30) d`
        )
      ).rows;
      const items = (
        await tx.query<{ kind: string }>(
          `select kind from steering_digest_items(private.london_today() - 30)`
        )
      ).rows.map((r) => r.kind);
      return { report, stats, overdue, digest, items };
    });
    expect(out.report).toHaveLength(1);
    const report = out.report[0]!;
    expect(report.types).toBe(
      'steering_workstream_row[] steering_workstream_row steering_month[] steering_overdue_row[] steering_organisation[]'
    );
    expect([report.workstream_total, report.workstreams, report.totals_total]).toEqual([
      out.stats.n,
      out.stats.n,
      out.stats.total
    ]);
    expect(report.months).toBe(12);
    expect(report.overdue_total).toBe(out.overdue.length);
    expect(report.overdue_ids).toEqual(out.overdue);
    expect(out.digest).toHaveLength(1);
    expect(out.digest[0]!.items).toBeGreaterThan(0);
    expect(out.digest[0]!.kinds).toEqual(out.items);
  });

  it('views and policies use the staleness rule inlined, not as a call per row', async () => {
    const plan = await inRollback(db().sql, async (tx) => {
      await becomeActor(tx, 'member', db().fixtures);
      const { rows } = await tx.query<{ 'QUERY PLAN': string }>(
        `explain (verbose, costs off) select staleness, days_overdue from commitment_overview`
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/CASE/);
    expect(plan).not.toMatch(/staleness\(|days_overdue\(|dormant_after_days\(/);
  });

  const thresholdQuery = `
    select n.nspname || '.' || p.proname as name
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('public', 'private') and p.prosrc ~ '(-\\s*30|\\+\\s*31)\\M'
      and p.proname <> 'dormant_after_days'
    union all
    select n.nspname || '.' || c.relname
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('public', 'private') and c.relkind in ('v', 'm')
      and pg_get_viewdef(c.oid) ~ '(-\\s*30|\\+\\s*31)\\M'`;

  it('the dormant threshold is spelled once, in private.dormant_after_days', async () => {
    const { rows } = await db().sql.query<{ name: string }>(thresholdQuery);
    expect(rows).toEqual([]);
    const days = await db().sql.query<{ d: number }>('select private.dormant_after_days() as d');
    expect(days.rows[0]!.d).toBe(30);
  });

  it('a function that spells the threshold again is found', async () => {
    const names = await inRollback(db().sql, async (tx) => {
      await tx.exec(
        `create function public.zz_dormant(d date) returns boolean language sql
         as 'select d < current_date - 30'`
      );
      return (await tx.query<{ name: string }>(thresholdQuery)).rows.map((r) => r.name);
    });
    expect(names).toEqual(['public.zz_dormant']);
  });

  it.each([
    ['view', 'public.commitment_overview', 'create view public.commitment_overview'],
    ['view', 'public.workstream_summary', 'create view public.workstream_summary'],
    [
      'function',
      'public.commitments_with_outcome(text)',
      'create or replace function public.commitments_with_outcome('
    ],
    [
      'function',
      'private.log_activity(text, text, uuid, text, uuid, uuid, text, timestamptz)',
      'create or replace function private.log_activity('
    ]
  ])(
    'the %s %s names the migration holding its live definition, which is the last to create it',
    async (kind, name, creates) => {
      const oid = kind === 'view' ? `'${name}'::regclass` : `'${name}'::regprocedure`;
      const catalog = kind === 'view' ? 'pg_class' : 'pg_proc';
      const { rows } = await db().sql.query<{ comment: string }>(
        `select obj_description(${oid}, '${catalog}') as comment`
      );
      const file = /Live definition: supabase\/migrations\/(\S+\.sql)/.exec(rows[0]!.comment)?.[1];
      expect(file).toBeDefined();
      expect(readFileSync(join(migrations, file!), 'utf8')).toContain(creates);
      const later = readdirSync(migrations)
        .filter((f) => f > file!)
        .filter((f) => readFileSync(join(migrations, f), 'utf8').includes(creates));
      expect(later).toEqual([]);
    }
  );
});
