import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';
import { PAGE_SIZE } from './query.ts';
import type { Maturity } from '#lib/labels.ts';

// Patterns: reusable solutions written like GOV.UK Design System pattern pages.

export interface PatternFilters {
  maturity?: Maturity;
  outcome?: string;
}

/** Published patterns, A to Z, one page, with how many organisations use each: one request. */
export async function list(client: Client, filters: PatternFilters, page: number) {
  const from = (page - 1) * PAGE_SIZE;
  // The outcome tags are embedded (empty) only to filter by.
  let query = client
    .from('patterns')
    .select(
      `id, slug, title, summary, problem, maturity, last_reviewed_on,
       pattern_adoption_counts(organisation_count), pattern_outcomes(outcomes!inner())`,
      { count: 'exact' }
    )
    .eq('status', 'published');
  if (filters.maturity) query = query.eq('maturity', filters.maturity);
  if (filters.outcome)
    query = query
      .eq('pattern_outcomes.outcomes.slug', filters.outcome)
      .not('pattern_outcomes', 'is', null);
  const result = await query
    .order('title')
    .order('id')
    .range(from, from + PAGE_SIZE - 1);
  return { patterns: unwrap(result), total: result.count ?? 0 };
}

const PATTERN_DETAIL = `id, slug, title, summary, problem, when_to_use, when_not_to_use, how_it_works,
  research_evidence, maturity, last_reviewed_on, status, updated_at,
  workstream:workstreams(slug, title),
  author:profiles!patterns_created_by_fkey(display_name, organisations(name)),
  pattern_outcomes(outcomes(slug, title)),
  pattern_examples(note, created_at, outputs(slug, title, kind, summary)),
  pattern_adoptions(id, phase, note, created_at, organisations(name))`;

/** One pattern with everything its page shows, in one request (RLS decides if it is seen). */
export async function get(client: Client, slug: string) {
  const result = await client
    .from('patterns')
    .select(PATTERN_DETAIL)
    .eq('slug', slug)
    .order('created_at', { referencedTable: 'pattern_examples' })
    .order('created_at', { referencedTable: 'pattern_adoptions' })
    .maybeSingle();
  return unwrap(result, 'No such pattern.');
}
