import { creditLine, creditsFor, usedByText } from '#lib/credits.ts';
import { ENUMS, OUTPUT_KIND_CHOICES, outputKindLabel } from '#lib/labels.ts';
import * as filterOptions from '#lib/server/filter-options.ts';
import * as outputs from '#lib/server/outputs.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { choiceParam, pageCount, pageParam, slugParam } from '#lib/server/query.ts';
import { currentUser } from '#lib/server/session.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

/** "By Sophie Turner, Essex County Council", or null when nobody is credited. */
function byline(contributors: Parameters<typeof creditsFor>[0]): string | null {
  const credits = creditsFor(contributors);
  const parts = [creditLine(credits), ...credits.organisations].filter(Boolean);
  return parts.length ? `By ${parts.join(', ')}` : null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const filters = {
    kind: choiceParam(url, 'kind', ENUMS.output_kind),
    outcome: slugParam(url, 'outcome'),
    workstream: slugParam(url, 'workstream')
  };
  const page = pageParam(url);
  const user = await currentUser(locals);
  try {
    // Independent requests in parallel: the page of outputs (with its count), the
    // workstreams and outcomes to filter by, and for a member their drafts.
    const [{ outputs: rows, total }, options, drafts] = await Promise.all([
      outputs.list(locals.supabase, filters, page),
      filterOptions.list(locals.supabase),
      user ? outputs.listDrafts(locals.supabase, user.id) : []
    ]);
    return {
      title: 'Outputs',
      drafts,
      ...described(
        'Guides, templates, code, research and more that members of the network made and shared, and which councils reused them.'
      ),
      outputs: rows.map((o) => ({
        slug: o.slug,
        title: o.title,
        summary: o.summary,
        kind: outputKindLabel(o.kind),
        byline: byline(o.output_contributors),
        usedBy: usedByText(o.output_reuse_counts[0]?.organisation_count ?? 0)
      })),
      total,
      page,
      totalPages: pageCount(total),
      filters,
      kinds: OUTPUT_KIND_CHOICES,
      outcomes: filterOptions.forSelect(options.outcomes),
      workstreams: filterOptions.forSelect(options.workstreams)
    };
  } catch (e) {
    failPage(e);
  }
};
