import { markdownToText } from '#lib/server/markdown.ts';
import { filterOptions } from '#lib/server/commitments.ts';
import { usedByText } from '#lib/server/outputs.ts';
import {
  isMaturity,
  listPublished,
  MATURITIES,
  maturityTag,
  PATTERNS_PAGE_SIZE
} from '#lib/server/patterns.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const maturity = url.searchParams.get('maturity') ?? '';
  const outcome = url.searchParams.get('outcome')?.trim() ?? '';
  const filters = {
    maturity: isMaturity(maturity) ? maturity : undefined,
    outcome: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(outcome) && outcome.length <= 100 ? outcome : undefined
  };
  const page = Math.max(
    1,
    Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
  );
  try {
    const [{ patterns, total }, options] = await Promise.all([
      listPublished(locals.supabase, filters, page),
      filterOptions(locals.supabase)
    ]);
    return {
      patterns: patterns.map((p) => ({
        slug: p.slug,
        title: p.title,
        // The summary states the problem in a sentence; failing that, the problem itself.
        summary: p.summary || markdownToText(p.problem, 240) || null,
        maturity: maturityTag(p.maturity),
        usedBy: usedByText(p.pattern_adoption_counts[0]?.organisation_count ?? 0)
      })),
      total,
      page,
      totalPages: Math.max(1, Math.ceil(total / PATTERNS_PAGE_SIZE)),
      filters,
      maturities: MATURITIES.map(({ value, text, hint }) => ({ value, text, hint })),
      outcomes: options.outcomes.map(({ slug, title }) => ({ slug, title }))
    };
  } catch (e) {
    failPage(e);
  }
};
