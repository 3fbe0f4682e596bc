// Times the steering group's SQL functions on the large seed, as a steering member would
// call them through the API (role `authenticated`, the member's JWT claims, so Row Level
// Security applies). Starts nothing: opens its own in-memory PGlite, applies the
// migrations and loads scripts/seed-large.ts (100,000 commitments, 300,000 check-ins,
// 300 workstreams at --scale 1). Reports the median per query; asserts nothing.
//
//   npx node bench/steering.ts                 # seed 42, scale 1 (several minutes)
//   npx node bench/steering.ts --scale 0.1     # a quicker look
//
// Writes bench/results/steering.json and prints a summary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite, pgliteSql } from '../stack/db/pglite.ts';
import { prepareDatabase } from '../stack/db/migrate.ts';
import type { Sql } from '../stack/db/sql.ts';
import { seedLarge } from '../scripts/seed-large.ts';

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const value = Number(args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

const seed = option('seed', 42);
const scale = option('scale', 1);
const rounds = option('rounds', 7);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Runs `query` as the steering member, inside a transaction like a PostgREST request. */
async function asMember(sql: Sql, userId: string, query: string) {
  return sql.transaction(async (tx) => {
    await tx.exec('set local role authenticated');
    await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' })
    ]);
    const started = performance.now();
    const result = await tx.query<Record<string, unknown>>(query);
    return { ms: performance.now() - started, rows: result.rows };
  });
}

const queries: { name: string; what: string; sql: string }[] = [
  {
    name: 'workstream_stats',
    what: 'counts per workstream',
    sql: 'select * from public.steering_workstream_stats()'
  },
  {
    name: 'monthly_counts',
    what: 'made vs done, 12 months',
    sql: 'select * from public.steering_monthly_counts(12)'
  },
  {
    name: 'overdue_first_page',
    what: 'longest overdue, page 1',
    sql: 'select * from public.steering_overdue(25, 0)'
  },
  {
    name: 'overdue_page_100',
    what: 'longest overdue, page 100',
    sql: 'select * from public.steering_overdue(25, 2475)'
  },
  {
    name: 'participation',
    what: 'active members by organisation',
    sql: 'select * from public.steering_participation()'
  },
  {
    name: 'report_page',
    what: '/steering (all of the above, one call)',
    sql: 'select to_jsonb(t) as r from public.steering_report(25, 0, 25, 0, 25) t'
  },
  {
    name: 'report_csv',
    what: '/steering/commitments.csv',
    sql: 'select to_jsonb(t) as r from public.steering_report(10000, 0, 10000, 0, 10000) t'
  },
  {
    name: 'digest_week',
    what: '/steering/digest (last 7 days)',
    sql: 'select to_jsonb(t) as r from public.steering_digest(null) t'
  },
  {
    name: 'digest_month',
    what: '/steering/digest?since= 30 days ago',
    sql: `select to_jsonb(t) as r from public.steering_digest(public.steering_today() - 30) t`
  }
];

const db = await openPglite('memory://');
const sql = pgliteSql(db);
try {
  let started = performance.now();
  await prepareDatabase(sql, { seed: false });
  console.log(
    `Migrated in ${((performance.now() - started) / 1000).toFixed(1)} s; loading the large seed (seed ${seed}, scale ${scale})…`
  );
  started = performance.now();
  const counts = await seedLarge(sql, { seed, scale, log: (line) => console.log(line) });
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(`Loaded in ${seedSeconds.toFixed(1)} s`);

  const { rows } = await sql.query<{ user_id: string }>(
    `select user_id from public.network_roles where role = 'steering' order by user_id limit 1`
  );
  const steeringId = rows[0]?.user_id;
  if (!steeringId) throw new Error('The large seed has no steering member to run the queries as.');

  const results = [];
  for (const q of queries) {
    const times: number[] = [];
    let size = 0;
    await asMember(sql, steeringId, q.sql); // warm-up: first-run planning and caches
    for (let i = 0; i < rounds; i++) {
      const { ms, rows: out } = await asMember(sql, steeringId, q.sql);
      times.push(ms);
      size = 'r' in (out[0] ?? {}) ? JSON.stringify(out[0]!.r).length : out.length;
    }
    const result = {
      name: q.name,
      what: q.what,
      sql: q.sql,
      rounds,
      medianMs: +median(times).toFixed(1),
      minMs: +Math.min(...times).toFixed(1),
      maxMs: +Math.max(...times).toFixed(1),
      // Rows for set-returning functions, characters of JSON for the one-call ones.
      resultSize: size
    };
    results.push(result);
    console.log(
      `${q.name.padEnd(20)} ${result.medianMs.toFixed(1).padStart(8)} ms median  (${result.minMs}–${result.maxMs})  ${String(size).padStart(9)}  ${q.what}`
    );
  }

  const report = {
    when: new Date().toISOString(),
    database: 'PGlite in memory (the embedded default)',
    seed,
    scale,
    seedSeconds: +seedSeconds.toFixed(1),
    counts,
    runAs: 'a steering member (role authenticated, RLS on)',
    queries: results
  };
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(
    join(import.meta.dirname, 'results', 'steering.json'),
    JSON.stringify(report, null, 2) + '\n'
  );
  console.log('Wrote bench/results/steering.json');
} finally {
  await sql.close();
}
