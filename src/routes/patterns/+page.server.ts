import { usedByText } from '#lib/credits.ts';
import { ENUMS, MATURITY_CHOICES, maturityTag } from '#lib/labels.ts';
import * as filterOptions from '#lib/server/filter-options.ts';
import { markdownToText } from '#lib/server/markdown.ts';
import * as patterns from '#lib/server/patterns.ts';
import { described } from '#lib/server/meta.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { choiceParam, pageCount, pageParam, slugParam } from '#lib/server/query.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const filters = {
    maturity: choiceParam(url, 'maturity', ENUMS.pattern_maturity),
    outcome: slugParam(url, 'outcome')
  };
  const page = pageParam(url);
  try {
    const [{ patterns: rows, total }, options] = await Promise.all([
      patterns.list(locals.supabase, filters, page),
      filterOptions.list(locals.supabase)
    ]);
    return {
      title: 'Patterns',
      ...described(
        'Reusable answers to problems councils share: what each solves, when to use it and where it has been used.'
      ),
      patterns: rows.map((p) => ({
        slug: p.slug,
        title: p.title,
        // The summary states the problem in a sentence; failing that, the problem itself.
        summary: p.summary || markdownToText(p.problem, 240) || null,
        maturity: maturityTag(p.maturity),
        usedBy: usedByText(p.pattern_adoption_counts[0]?.organisation_count ?? 0),
        useful: p.pattern_adoption_counts[0]?.is_useful ?? false,
        reviewDue: p.review_due === true
      })),
      total,
      page,
      totalPages: pageCount(total),
      filters,
      maturities: MATURITY_CHOICES,
      outcomes: filterOptions.forSelect(options.outcomes)
    };
  } catch (e) {
    failPage(e);
  }
};
