import type { Client } from './supabase.ts';
import { DataError, toDataError } from './errors.ts';
import type { Database } from '#lib/database.types.ts';

// Patterns: reusable solutions written like GOV.UK Design System pattern pages.

export const PATTERNS_PAGE_SIZE = 25;

type Maturity = Database['public']['Enums']['pattern_maturity'];

export const MATURITIES: { value: Maturity; text: string; className: string; hint: string }[] = [
  {
    value: 'recommended',
    text: 'Recommended',
    className: 'govuk-tag--green',
    hint: 'Used by several organisations, with evidence that it works.'
  },
  {
    value: 'beta',
    text: 'Beta',
    className: 'govuk-tag--blue',
    hint: 'In use, still being tested and improved.'
  },
  {
    value: 'experimental',
    text: 'Experimental',
    className: 'govuk-tag--yellow',
    hint: 'Promising, tried in one or two places.'
  },
  {
    value: 'retired',
    text: 'Retired',
    className: 'govuk-tag--grey',
    hint: 'No longer recommended: see why on its page.'
  }
];

export function isMaturity(value: string): value is Maturity {
  return MATURITIES.some((m) => m.value === value);
}

/** The maturity tag's words and colour. */
export function maturityTag(maturity: string): { text: string; className: string } {
  const m = MATURITIES.find((x) => x.value === maturity);
  return m
    ? { text: m.text, className: m.className }
    : { text: 'Unknown', className: 'govuk-tag--grey' };
}

export interface PatternListItem {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  problem: string | null;
  maturity: Maturity;
  last_reviewed_on: string | null;
  pattern_adoption_counts: { organisation_count: number }[];
}

export interface PatternFilters {
  maturity?: Maturity;
  outcome?: string;
}

/** Published patterns, A to Z, one page, with how many organisations use each: one request. */
export async function listPublished(client: Client, filters: PatternFilters, page: number) {
  const from = (page - 1) * PATTERNS_PAGE_SIZE;
  const outcomeJoin = filters.outcome ? ', pattern_outcomes!inner(outcomes!inner(slug))' : '';
  let query = client
    .from('patterns')
    .select(
      `id, slug, title, summary, problem, maturity, last_reviewed_on,
       pattern_adoption_counts(organisation_count)${outcomeJoin}`,
      { count: 'exact' }
    )
    .eq('status', 'published');
  if (filters.maturity) query = query.eq('maturity', filters.maturity);
  if (filters.outcome) query = query.eq('pattern_outcomes.outcomes.slug', filters.outcome);
  const result = await query
    .order('title')
    .order('id')
    .range(from, from + PATTERNS_PAGE_SIZE - 1);
  if (result.error) throw toDataError(result.error, result.status);
  return {
    patterns: (result.data ?? []) as unknown as PatternListItem[],
    total: result.count ?? 0
  };
}

export interface PatternDetail {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  problem: string | null;
  when_to_use: string | null;
  when_not_to_use: string | null;
  how_it_works: string | null;
  research_evidence: string | null;
  maturity: Maturity;
  last_reviewed_on: string | null;
  status: Database['public']['Enums']['content_status'];
  updated_at: string;
  workstream: { slug: string; title: string } | null;
  author: { display_name: string; organisations: { name: string } | null } | null;
  pattern_outcomes: { outcomes: { slug: string; title: string } | null }[];
  pattern_examples: {
    note: string | null;
    outputs: { slug: string; title: string; kind: string; summary: string | null } | null;
  }[];
  pattern_adoptions: {
    id: string;
    phase: Database['public']['Enums']['delivery_phase'] | null;
    note: string | null;
    created_at: string;
    organisations: { name: string } | null;
  }[];
}

const PATTERN_DETAIL = `id, slug, title, summary, problem, when_to_use, when_not_to_use, how_it_works,
  research_evidence, maturity, last_reviewed_on, status, updated_at,
  workstream:workstreams(slug, title),
  author:profiles!patterns_created_by_fkey(display_name, organisations(name)),
  pattern_outcomes(outcomes(slug, title)),
  pattern_examples(note, created_at, outputs(slug, title, kind, summary)),
  pattern_adoptions(id, phase, note, created_at, organisations(name))`;

/** One pattern with everything its page shows, in one request (RLS decides if it is seen). */
export async function getBySlug(client: Client, slug: string): Promise<PatternDetail> {
  const result = await client
    .from('patterns')
    .select(PATTERN_DETAIL)
    .eq('slug', slug)
    .order('created_at', { referencedTable: 'pattern_examples' })
    .order('created_at', { referencedTable: 'pattern_adoptions' })
    .maybeSingle();
  if (result.error) throw toDataError(result.error, result.status);
  if (!result.data) throw new DataError('not_found', 'No such pattern.', 404);
  return result.data as unknown as PatternDetail;
}
