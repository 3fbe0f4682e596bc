import * as commitments from '#lib/server/commitments.ts';
import * as filterOptions from '#lib/server/filter-options.ts';
import { failPage } from '#lib/server/page-errors.ts';
import {
  choiceParam,
  pageCount,
  pageParam,
  PAGE_SIZE,
  slugParam,
  textParam
} from '#lib/server/query.ts';
import { currentUser } from '#lib/server/session.ts';
import { ENUMS, STALENESS_CHOICES } from '#lib/labels.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

const STALENESSES = STALENESS_CHOICES.map((c) => c.value);

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = await currentUser(locals);
  const filters = {
    workstream: slugParam(url, 'workstream'),
    status: choiceParam(url, 'status', ENUMS.commitment_status),
    staleness: choiceParam(url, 'staleness', STALENESSES),
    // An organisation's slug (links from its page) or part of its name.
    organisation: textParam(url, 'organisation'),
    outcome: slugParam(url, 'outcome'),
    sort: choiceParam(url, 'sort', commitments.SORT_NAMES) ?? 'updated'
  };
  const page = pageParam(url);
  try {
    const [{ commitments: rows, total }, options] = await Promise.all([
      commitments.list(locals.supabase, filters, page),
      filterOptions.list(locals.supabase)
    ]);
    return {
      title: 'Commitments',
      ...described(
        'What members of the network have committed to do, how each is going and when its owner last checked in.'
      ),
      commitments: rows,
      total,
      page,
      pageSize: PAGE_SIZE,
      totalPages: pageCount(total),
      filters,
      options: {
        workstreams: filterOptions.forSelect(options.workstreams),
        outcomes: filterOptions.forSelect(options.outcomes)
      },
      signedIn: !!user
    };
  } catch (e) {
    failPage(e);
  }
};
