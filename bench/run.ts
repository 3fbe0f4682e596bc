// `npm run bench`: page budgets (JS, CSS), throughput of each page as a ratio to the page
// that reads no data and to a trivial data API read, on PGlite and on the Postgres
// server, and the large seed against the demo data. Prints one table, writes
// bench/results/budgets.json. Reported, never asserted. Needs a built app (`npm run build`).
//
//   npm run bench                          # everything (a few minutes)
//   npm run bench -- --budgets             # JS and CSS per route only (seconds)
//   npm run bench -- --pglite              # throughput on the embedded PGlite
//   npm run bench -- --postgres            # throughput on a fresh database on the Postgres server
//   npm run bench -- --large [--pglite]    # and the large seed, on the databases named (or both)
//   options: --scale 0.1 (large seed), --seconds 3 (per page), --out FILE.md (save the table)
// Other benches: node bench/pages.ts (API round trips per page), node bench/steering.ts.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectPg } from '../stack/db/pg.ts';
import { seedLarge } from '../scripts/seed-large.ts';
import type { Database } from './_aims.ts';
import { measureBudgets } from './_budgets.ts';
import { freshDatabase } from './_postgres.ts';
import { pickSamples, signInCookie } from './_session.ts';
import { startBenchStack } from './_stack.ts';
import { formatReport, type Report } from './_table.ts';
import { CONNECTIONS, measureStacks, pageTargets } from './_throughput.ts';

const args = process.argv.slice(2);
const known = ['--budgets', '--pglite', '--postgres', '--large', '--scale', '--seconds', '--out'];
for (const a of args) {
  if (a.startsWith('--') && !known.includes(a)) {
    console.error(`Unknown option ${a}. Options: ${known.join(', ')}.`);
    process.exit(2);
  }
}
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const all = !args.some((a) => ['--budgets', '--pglite', '--postgres', '--large'].includes(a));
const large = all || args.includes('--large');
const named = (['pglite', 'postgres'] as const).filter((d) => args.includes(`--${d}`));
const databases: Database[] = named.length ? named : all || large ? ['pglite', 'postgres'] : [];
const scale = Number(value('--scale', '0.1'));
const seconds = Number(value('--seconds', '3'));
const out = value('--out', '');
const root = join(import.meta.dirname, '..');
const log = (line: string) => console.error(line);

type Data = 'demo' | 'large';

/** A stack on `db` with the demo data, or with the large seed loaded into it. */
async function startOn(db: Database, data: Data, slot: number) {
  const pg = db === 'postgres' ? await freshDatabase(`hub_bench_${process.pid}_${data}`) : null;
  const cleanup: (() => Promise<void>)[] = [async () => pg?.drop()];
  try {
    const stack = await startBenchStack(
      data === 'large' ? ['--no-seed'] : [],
      pg ? { DATABASE_URL: pg.url } : {},
      slot
    );
    cleanup.unshift(() => stack.stop());
    const dbUrl = pg?.url ?? stack.dbUrl;
    if (data === 'large') {
      const t0 = performance.now();
      const sql = connectPg(dbUrl, 2);
      try {
        await seedLarge(sql, { seed: 42, scale });
      } finally {
        await sql.close();
      }
      report.seedSeconds[db] = Math.round((performance.now() - t0) / 1000);
      log(`  loaded the large seed (scale ${scale}) in ${report.seedSeconds[db]} s`);
    }
    const samples = await pickSamples(dbUrl);
    return {
      subject: {
        name: data === 'large' ? 'large seed' : 'demo data',
        stack,
        targets: pageTargets(samples),
        cookie: await signInCookie(stack, samples.steeringEmail)
      },
      stop: async () => {
        for (const c of cleanup) await c();
      }
    };
  } catch (e) {
    for (const c of cleanup) await c();
    throw e;
  }
}

/** The demo data (and the large seed beside it, measured page by page in turn) on `db`. */
async function measureOn(db: Database) {
  log(`${db}:`);
  const started = [await startOn(db, 'demo', 0)];
  try {
    if (large) started.push(await startOn(db, 'large', 1));
    const [demo, big] = await measureStacks(
      started.map((s) => s.subject),
      seconds,
      (line) => log(line)
    );
    report.runs[db] = { demo: demo!, large: big };
  } finally {
    for (const s of started) await s.stop();
  }
}

const report: Report = {
  when: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  commit: execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim(),
  seconds,
  connections: CONNECTIONS,
  largeScale: scale,
  seedSeconds: {},
  budgets: all || args.includes('--budgets') ? await measureBudgets(root) : [],
  runs: {}
};
for (const db of databases) await measureOn(db);

const table = formatReport(report);
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results', 'budgets.json'),
  JSON.stringify(report, null, 2) + '\n'
);
if (out) writeFileSync(out, table + '\n');
console.log(table);
