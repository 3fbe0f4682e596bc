import {
  currentUser,
  filterOptions,
  list,
  PAGE_SIZE,
  SORTS,
  type Sort
} from '#lib/server/commitments.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { COMMITMENT_STATUSES } from '#lib/validation/check-in.ts';
import type { PageServerLoad } from './$types';

const STALENESS = ['on_track', 'overdue', 'dormant'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A filter value from the query string, or undefined when it is not one we know. */
function pick(url: URL, name: string, allowed?: readonly string[]): string | undefined {
  const value = url.searchParams.get(name)?.trim() ?? '';
  if (!value) return undefined;
  if (allowed) return allowed.includes(value) ? value : undefined;
  return SLUG.test(value) && value.length <= 100 ? value : undefined;
}

/** Part of an organisation's name (or its slug): letters, digits, spaces and name punctuation. */
function organisationText(url: URL): string | undefined {
  const value = (url.searchParams.get('organisation') ?? '')
    .replace(/[^\p{L}\p{N} '’&.,()-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return value || undefined;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = await currentUser(locals);
  const filters = {
    workstream: pick(url, 'workstream'),
    status: pick(url, 'status', COMMITMENT_STATUSES),
    staleness: pick(url, 'staleness', STALENESS),
    organisation: organisationText(url),
    outcome: pick(url, 'outcome'),
    sort: (pick(url, 'sort', Object.keys(SORTS)) ?? 'updated') as Sort
  };
  const page = Math.max(
    1,
    Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
  );
  try {
    const [{ commitments, total }, options] = await Promise.all([
      list(locals.supabase, filters, page),
      filterOptions(locals.supabase)
    ]);
    return {
      commitments,
      total,
      page,
      totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      filters,
      // Only what the selects need: ids, statuses and the 500 organisations stay on the server.
      options: {
        workstreams: options.workstreams.map(({ slug, title }) => ({ slug, title })),
        outcomes: options.outcomes.map(({ slug, title }) => ({ slug, title }))
      },
      signedIn: !!user
    };
  } catch (e) {
    failPage(e);
  }
};
