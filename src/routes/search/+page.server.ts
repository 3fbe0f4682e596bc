import { afterIWill } from '#lib/commitment-title.ts';
import { searchKindLabel, searchKindPlural } from '#lib/labels.ts';
import { toDataError } from '#lib/server/errors.ts';
import { described } from '#lib/server/meta.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { choiceParam, pageCount, pageParam } from '#lib/server/query.ts';
import * as search from '#lib/server/search.ts';
import { searchSchema } from '#lib/validation/search.ts';
import type { PageServerLoad } from './$types';

const DESCRIPTION =
  'Search the network’s workstreams, commitments, outputs, patterns, events, members and organisations.';

// What someone typed is shown back in the box, however long; past this it is cut for display.
const ECHO_LIMIT = 1_000;

/** The same search narrowed to one kind (or all), from its first page. */
function kindHref(q: string, kind: string | null): string {
  const query = new URLSearchParams({ q });
  if (kind) query.set('kind', kind);
  return `/search?${query}`;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const raw = url.searchParams.get('q') ?? '';
  const kind = choiceParam(url, 'kind', search.SEARCH_KINDS);
  const page = pageParam(url);
  const blank = {
    ...described(DESCRIPTION),
    q: raw.slice(0, ECHO_LIMIT),
    kind: kind ?? null,
    error: null as string | null,
    searched: false,
    total: 0,
    fuzzy: false,
    kinds: [] as { href: string; text: string; count: number; current: boolean }[],
    allHref: '/search',
    hits: [] as { kind: string; title: string; url: string; summary: string | null }[],
    page,
    totalPages: 1
  };
  if (raw.trim() === '') return { ...blank, title: 'Search' };

  const parsed = searchSchema.safeParse({ q: raw });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Enter what you are looking for';
    return { ...blank, title: 'Error: Search', error: message };
  }
  const q = parsed.data.q;

  let found;
  try {
    found = await search.find(locals.supabase, q, kind, page);
  } catch (e) {
    // The database's own caps (22023) read as the form's message.
    const d = toDataError(e);
    if (d.kind === 'invalid') return { ...blank, title: 'Error: Search', error: d.message };
    failPage(e);
  }

  const shown = kind ? (found.counts.get(kind) ?? 0) : found.total;
  const kinds = [
    { href: kindHref(q, null), text: 'All results', count: found.total, current: !kind },
    ...search.SEARCH_KINDS.filter((k) => (found.counts.get(k) ?? 0) > 0 || k === kind).map((k) => ({
      href: kindHref(q, k),
      text: searchKindPlural(k),
      count: found.counts.get(k) ?? 0,
      current: k === kind
    }))
  ];
  return {
    ...blank,
    title: `Search results for “${q}”${page > 1 ? ` (page ${page})` : ''}`,
    q,
    searched: true,
    total: shown,
    fuzzy: found.fuzzy,
    kinds,
    allHref: kindHref(q, null),
    hits: found.hits.map((h) => ({
      ...h,
      // Commitments read as everywhere else: "I will …".
      title: h.kind === 'commitment' ? `I will ${afterIWill(h.title)}` : h.title,
      kind: searchKindLabel(h.kind)
    })),
    totalPages: pageCount(shown)
  };
};
