// Requests a second each page answers under load (autocannon, 20 connections), with the
// two references measured in the same stack: the page that reads no data and a trivial
// read of the data API through the gateway.
import autocannon from 'autocannon';
import { DEFAULT_ANON_KEY } from '../stack/keys.ts';
import type { RunningStack } from '../stack/spawn-stack.ts';
import type { Samples } from './_session.ts';

export const CONNECTIONS = 20;

/** A route renders no data for a visitor: only the layout, which skips auth without a cookie. */
export const NO_DATA_PAGE = '/open-data';
export const API_READ = '/rest/v1/outcomes?select=slug&limit=1';

export interface Target {
  /** The route as the issue names it, e.g. `/workstreams/[slug]`. */
  route: string;
  path: string;
  signedIn: boolean;
}

/** The pages of issue 8, item 6, on the items in `s`. */
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

export interface StackLoads {
  noData: Load;
  apiRead: Load;
  pages: (Target & Load)[];
}

/** The references and every page of `targets` on `stack`. */
export async function measureStack(
  stack: RunningStack,
  targets: Target[],
  cookie: string,
  seconds: number,
  log: (line: string) => void
): Promise<StackLoads> {
  const noData = await load(stack.appUrl + NO_DATA_PAGE, {}, seconds);
  log(`  ${NO_DATA_PAGE} (no data) ${noData.rps}/s`);
  const apiRead = await load(
    stack.apiUrl + API_READ,
    { apikey: DEFAULT_ANON_KEY, authorization: `Bearer ${DEFAULT_ANON_KEY}` },
    seconds
  );
  log(`  data API read ${apiRead.rps}/s`);
  const pages = [];
  for (const t of targets) {
    const l = await load(stack.appUrl + t.path, t.signedIn ? { cookie } : {}, seconds);
    log(`  ${t.path} ${l.rps}/s${l.status === 200 ? '' : ` (HTTP ${l.status})`}`);
    pages.push({ ...t, ...l });
  }
  return { noData, apiRead, pages };
}
