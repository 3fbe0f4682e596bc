// Requests a second each page answers under load (autocannon, 20 connections), with the
// two references measured in the same stack: the page that reads no data and a trivial
// read of the data API through the gateway.
import autocannon from 'autocannon';
import { DEFAULT_ANON_KEY } from '../stack/keys.ts';
import type { RunningStack } from '../stack/spawn-stack.ts';
import type { Samples } from './_session.ts';

export const CONNECTIONS = 20;

/** A route renders no data for a visitor: only the layout, which skips auth without a cookie. */
export const NO_DATA_PAGE = '/feedback';
export const API_READ = '/rest/v1/outcomes?select=slug&limit=1';

export interface Target {
  /** The route as the issue names it, e.g. `/workstreams/[slug]`. */
  route: string;
  path: string;
  signedIn: boolean;
}

/** The pages of issue 8, item 6, and those issue 11 added, on the items in `s`. */
export function pageTargets(s: Samples): Target[] {
  const visitor = (route: string, path = route) => ({ route, path, signedIn: false });
  return [
    visitor('/'),
    visitor('/workstreams'),
    visitor('/workstreams/[slug]', `/workstreams/${s.workstream}`),
    visitor('/commitments'),
    visitor('/commitments/[id]', `/commitments/${s.commitment}`),
    visitor('/events'),
    visitor('/events/[slug]', `/events/${s.event}`),
    visitor('/outputs'),
    visitor('/outputs/[slug]', `/outputs/${s.output}`),
    visitor('/patterns'),
    visitor('/patterns/[slug]', `/patterns/${s.pattern}`),
    visitor('/outcomes/[slug]', `/outcomes/${s.outcome}`),
    // Finding things and open data (issue 11).
    visitor('/search', '/search?q=accessibility'),
    visitor('/organisations'),
    visitor('/data'),
    { route: '/steering', path: '/steering', signedIn: true },
    { route: '/me', path: '/me', signedIn: true }
  ];
}

export interface Load {
  url: string;
  /** Status of one plain request first: a page that redirects or fails is not measured as if it worked. */
  status: number;
  /** 2xx responses a second: a redirect to sign-in or an error page is quick, not a page served. */
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Responses by status code under load. */
  statuses: Record<string, number>;
}

/** Requests a second at `url` over `seconds`, after one checking request. */
export async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number
): Promise<Load> {
  const first = await fetch(url, { headers, redirect: 'manual' });
  await first.arrayBuffer();
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
  return {
    url,
    status: first.status,
    rps: Math.round((r.requests.total - r.non2xx) / r.duration),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    statuses: Object.fromEntries(
      Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [code, v.count ?? 0])
    )
  };
}

/** A reference measured before and after the pages; `rps` is the mean of the two. */
export interface Reference {
  url: string;
  rps: number;
  runs: Load[];
}

export interface StackLoads {
  noData: Reference;
  apiRead: Reference;
  pages: (Target & Load)[];
}

export interface Subject {
  /** What the log calls it, e.g. `large seed`. */
  name: string;
  stack: RunningStack;
  targets: Target[];
  cookie: string;
}

/**
 * The references and every page on each subject's stack, page by page in turn, so that
 * two data sets compared are measured seconds apart under the same outside load. The
 * references are measured first and last, so drift over the run shows and averages out.
 */
export async function measureStacks(
  subjects: Subject[],
  seconds: number,
  log: (line: string) => void
): Promise<StackLoads[]> {
  const references = async ({ stack }: Subject) => ({
    noData: await load(stack.appUrl + NO_DATA_PAGE, {}, seconds),
    apiRead: await load(
      stack.apiUrl + API_READ,
      { apikey: DEFAULT_ANON_KEY, authorization: `Bearer ${DEFAULT_ANON_KEY}` },
      seconds
    )
  });
  // One load at a time: the load generator and the servers share the machine.
  type Refs = Awaited<ReturnType<typeof references>>;
  const before: Refs[] = [];
  for (const s of subjects) before.push(await references(s));
  const pages: (Target & Load)[][] = subjects.map(() => []);
  for (let i = 0; i < subjects[0]!.targets.length; i++) {
    for (const [k, s] of subjects.entries()) {
      const t = s.targets[i]!;
      const headers: Record<string, string> = t.signedIn ? { cookie: s.cookie } : {};
      const l = await load(s.stack.appUrl + t.path, headers, seconds);
      log(`  ${s.name}: ${t.path} ${l.rps}/s${l.status === 200 ? '' : ` (HTTP ${l.status})`}`);
      pages[k]!.push({ ...t, ...l });
    }
  }
  const after: Refs[] = [];
  for (const s of subjects) after.push(await references(s));
  return subjects.map((s, k) => {
    const ref = (which: 'noData' | 'apiRead'): Reference => {
      const runs = [before[k]![which], after[k]![which]];
      return { url: runs[0]!.url, rps: Math.round((runs[0]!.rps + runs[1]!.rps) / 2), runs };
    };
    const loads = { noData: ref('noData'), apiRead: ref('apiRead'), pages: pages[k]! };
    const show = (r: Reference) => r.runs.map((x) => x.rps).join(' then ');
    log(`  ${s.name}: no-data page ${show(loads.noData)}/s, API read ${show(loads.apiRead)}/s`);
    return loads;
  });
}
