import { filterOptions } from '#lib/server/commitments.ts';
import {
  creditLine,
  creditsFor,
  isOutputKind,
  listPublished,
  OUTPUT_KINDS,
  OUTPUTS_PAGE_SIZE,
  outputKindLabel,
  usedByText
} from '#lib/server/outputs.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { PageServerLoad } from './$types';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slugParam = (url: URL, name: string) => {
  const value = url.searchParams.get(name)?.trim() ?? '';
  return SLUG.test(value) && value.length <= 100 ? value : undefined;
};

/** "By Sophie Turner, Essex County Council", or null when nobody is credited. */
function byline(contributors: Parameters<typeof creditsFor>[0]): string | null {
  const credits = creditsFor(contributors);
  const parts = [creditLine(credits), ...credits.organisations].filter(Boolean);
  return parts.length ? `By ${parts.join(', ')}` : null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const kind = url.searchParams.get('kind') ?? '';
  const filters = {
    kind: isOutputKind(kind) ? kind : undefined,
    outcome: slugParam(url, 'outcome'),
    workstream: slugParam(url, 'workstream')
  };
  const page = Math.max(
    1,
    Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
  );
  try {
    // Two independent requests in parallel: the page of outputs (with its count) and the
    // workstreams and outcomes to filter by.
    const [{ outputs, total }, options] = await Promise.all([
      listPublished(locals.supabase, filters, page),
      filterOptions(locals.supabase)
    ]);
    return {
      outputs: outputs.map((o) => ({
        slug: o.slug,
        title: o.title,
        summary: o.summary,
        kind: outputKindLabel(o.kind),
        byline: byline(o.output_contributors),
        usedBy: usedByText(o.output_reuse_counts[0]?.organisation_count ?? 0)
      })),
      total,
      page,
      totalPages: Math.max(1, Math.ceil(total / OUTPUTS_PAGE_SIZE)),
      filters,
      kinds: OUTPUT_KINDS.map(({ value, text }) => ({ value, text })),
      outcomes: options.outcomes.map(({ slug, title }) => ({ slug, title })),
      workstreams: options.workstreams.map(({ slug, title }) => ({ slug, title }))
    };
  } catch (e) {
    failPage(e);
  }
};
