// The search page's data: one call to public.search_page
// (supabase/migrations/20261201001500_search_profiles.sql) returns the counts for every
// kind and one page of hits, so /search is one data API round trip.
import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';
import { PAGE_SIZE } from './query.ts';

/** The kinds of thing search finds, in the order the kind filter lists them. */
export const SEARCH_KINDS = [
  'workstream',
  'commitment',
  'output',
  'pattern',
  'event',
  'member',
  'organisation'
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One page of results for `q`, of `kind` (every kind when undefined), with the counts. */
export async function find(client: Client, q: string, kind: SearchKind | undefined, page: number) {
  const found = unwrap(
    await client
      .rpc('search_page', {
        q,
        p_kind: kind,
        p_limit: PAGE_SIZE,
        p_offset: (page - 1) * PAGE_SIZE
      })
      .single()
  );
  const counts = new Map<string, number>();
  for (const c of found.counts) if (c.kind) counts.set(c.kind, c.hits ?? 0);
  return {
    total: found.total,
    /** Nothing matched the words: these are things with similar titles (a typo?). */
    fuzzy: found.fuzzy,
    counts,
    hits: found.hits.flatMap((h) =>
      h.kind && h.title && h.url
        ? [{ kind: h.kind, title: h.title, url: h.url, summary: h.summary }]
        : []
    )
  };
}
