// The one table `npm run bench` prints: budgets per route, throughput ratios per database,
// large seed against demo data. Pure: it formats a report, it measures nothing.
import { AIMS, type Database } from './_aims.ts';
import type { RouteBudget } from './_budgets.ts';
import type { Reference, StackLoads } from './_throughput.ts';

export interface Report {
  when: string;
  commit: string;
  seconds: number;
  connections: number;
  largeScale: number;
  /** Seconds the large seed took to load, per database. */
  seedSeconds: Partial<Record<Database, number>>;
  budgets: RouteBudget[];
  /** Per database: the demo data, and the large seed when it was run. */
  runs: Partial<Record<Database, { demo: StackLoads; large?: StackLoads }>>;
}

const DBS: Database[] = ['pglite', 'postgres'];
const DB_NAMES: Record<Database, string> = { pglite: 'PGlite', postgres: 'Postgres' };

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '–');
/** A reference's mean, and its first and last measurement. */
const show = (r: Reference) => `${r.rps}/s (${r.runs.map((l) => l.rps).join(' first, ')} last)`;
const mark = (ok: boolean) => (ok ? 'ok' : 'UNDER');

/** The markdown table, and a few lines saying how it was made. */
export function formatReport(r: Report): string {
  const dbs = DBS.filter((d) => r.runs[d]);
  const anyLarge = dbs.some((d) => r.runs[d]!.large);
  const head = ['Route'];
  if (r.budgets.length) head.push(`JS KB (≤ ${AIMS.jsKb})`, `CSS KB (≤ ${AIMS.cssKb})`);
  for (const d of dbs) {
    head.push(`${DB_NAMES[d]} req/s`, `× no-data (≥ ${AIMS.vsNoData[d]})`, '× API read');
    if (r.runs[d]!.large) head.push(`large ÷ demo (≥ ${AIMS.largeVsDemo})`);
  }
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];

  const targeted = dbs.length ? r.runs[dbs[0]!]!.demo.pages.map((p) => p.route) : [];
  const budgeted = r.budgets.map((b) => b.route);
  const routes = [...targeted, ...budgeted.filter((b) => !targeted.includes(b))];
  for (const route of routes) {
    const cells = [route];
    if (r.budgets.length) {
      const b = r.budgets.find((b) => b.route === route);
      cells.push(
        b ? `${b.jsKb} ${b.jsKb <= AIMS.jsKb ? 'ok' : 'OVER'}` : '–',
        b ? `${b.cssKb} ${b.cssKb <= AIMS.cssKb ? 'ok' : 'OVER'}` : '–'
      );
    }
    for (const d of dbs) {
      const run = r.runs[d]!;
      const p = run.demo.pages.find((p) => p.route === route);
      if (!p) {
        cells.push('–', '–', '–');
        if (run.large) cells.push('–');
        continue;
      }
      const vsNoData = ratio(p.rps, run.demo.noData.rps);
      cells.push(
        p.status === 200 && !p.non2xx && !p.errors
          ? String(p.rps)
          : `${p.rps} (${p.non2xx + p.errors} of ${p.requests} failed)`,
        `${x(vsNoData)} ${mark(vsNoData >= AIMS.vsNoData[d])}`,
        x(ratio(p.rps, run.demo.apiRead.rps))
      );
      if (run.large) {
        // Measured seconds after the same page on the demo data, so a direct ratio.
        const l = run.large.pages.find((l) => l.route === route);
        const vsDemo = l ? ratio(l.rps, p.rps) : NaN;
        cells.push(l ? `${x(vsDemo)} ${mark(vsDemo >= AIMS.largeVsDemo)} (${l.rps}/s)` : '–');
      }
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }

  const notes = [`Measured ${r.when} on commit ${r.commit}. Reported, never asserted.`];
  if (r.budgets.length)
    notes.push(
      'JS and CSS: gzipped (level 9) files a route loads, from the client manifest followed from the route’s nodes.'
    );
  for (const d of dbs) {
    const run = r.runs[d]!;
    notes.push(
      `${DB_NAMES[d]}: no-data page ${run.demo.noData.url.replace(/^https?:\/\/[^/]+/, '')} ${show(run.demo.noData)}, ` +
        `data API read ${show(run.demo.apiRead)}` +
        (run.large
          ? `; large seed: no-data ${show(run.large.noData)}, API read ${show(run.large.apiRead)}`
          : '') +
        '.'
    );
  }
  if (dbs.length)
    notes.push(
      `Throughput: autocannon, ${r.connections} connections, ${r.seconds} s per page, 2xx responses ÷ seconds (failed: redirected to sign-in or an error under load). ` +
        'Ratios are within one run on one machine (shared with other work): compare ratios, not req/s across runs.'
    );
  if (anyLarge)
    notes.push(
      `Large seed: scripts/seed-large.ts at scale ${r.largeScale}, seed 42 (loaded in ` +
        dbs.map((d) => `${r.seedSeconds[d]} s on ${DB_NAMES[d]}`).join(', ') +
        '). "large ÷ demo": the page’s req/s on a second stack with the large seed (in brackets), measured right after the same page on the demo data, ÷ the demo figure.'
    );
  return [...lines, '', ...notes.map((n) => `- ${n}`)].join('\n');
}
