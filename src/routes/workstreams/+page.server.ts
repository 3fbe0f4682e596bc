import { currentUser, filterOptions } from '#lib/server/commitments.ts';
import { listPage, WORKSTREAMS_PAGE_SIZE } from '#lib/server/workstreams.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { WORKSTREAM_STATUSES } from '#lib/validation/workstream.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = await currentUser(locals);
  const status = url.searchParams.get('status') ?? '';
  const outcome = url.searchParams.get('outcome') ?? '';
  const filters = {
    status: (WORKSTREAM_STATUSES as readonly string[]).includes(status) ? status : undefined,
    outcome: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(outcome) && outcome.length <= 100 ? outcome : undefined
  };
  const page = Math.max(
    1,
    Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
  );
  try {
    const [{ workstreams, total }, options] = await Promise.all([
      listPage(locals.supabase, filters, page),
      filterOptions(locals.supabase)
    ]);
    return {
      workstreams,
      total,
      page,
      totalPages: Math.max(1, Math.ceil(total / WORKSTREAMS_PAGE_SIZE)),
      filters,
      outcomes: options.outcomes,
      signedIn: !!user
    };
  } catch (e) {
    failPage(e);
  }
};
