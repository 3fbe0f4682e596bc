import { ENUMS } from '#lib/labels.ts';
import * as filterOptions from '#lib/server/filter-options.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { choiceParam, pageCount, pageParam, slugParam } from '#lib/server/query.ts';
import { currentUser } from '#lib/server/session.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = await currentUser(locals);
  const filters = {
    status: choiceParam(url, 'status', ENUMS.workstream_status),
    outcome: slugParam(url, 'outcome')
  };
  const page = pageParam(url);
  try {
    const [{ workstreams: rows, total }, options] = await Promise.all([
      workstreams.list(locals.supabase, filters, page),
      filterOptions.list(locals.supabase)
    ]);
    return {
      title: 'Workstreams',
      ...described(
        'Areas of shared work in the network: what each is for, who leads it and the commitments members made to it.'
      ),
      workstreams: rows,
      total,
      page,
      totalPages: pageCount(total),
      filters,
      outcomes: filterOptions.forSelect(options.outcomes),
      signedIn: !!user
    };
  } catch (e) {
    failPage(e);
  }
};
