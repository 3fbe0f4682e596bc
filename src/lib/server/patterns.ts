import type { Client } from './supabase.ts';
import { unwrap, unwrapOk } from './errors.ts';
import { PAGE_SIZE } from './query.ts';
import type { Database } from '#lib/database.types.ts';
import type { Maturity } from '#lib/labels.ts';
import type { PatternInput } from '#lib/validation/pattern.ts';

type Phase = Database['public']['Enums']['delivery_phase'];

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
       review_due,
       pattern_adoption_counts(organisation_count, is_useful), pattern_outcomes(outcomes!inner())`,
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
  research_evidence, known_gaps, maturity, last_reviewed_on, status, updated_at, version,
  created_by, review_due,
  workstream:workstreams(slug, title, workstream_members(user_id, role)),
  author:profiles!patterns_created_by_fkey(display_name, organisations(name)),
  pattern_outcomes(outcomes(slug, title)),
  pattern_examples(note, created_at, outputs(slug, title, kind, summary)),
  pattern_adoptions(id, phase, note, created_at, organisation_id, user_id, version, organisations(name, slug)),
  pattern_adoption_counts(organisation_count, is_useful),
  pattern_reviews(id, maturity, previous_maturity, note, reviewed_on, created_at,
    reviewer:profiles(display_name))`;

/**
 * One pattern with everything its page shows, in one request (RLS decides if it is seen):
 * its sections, examples, adoptions, review history, whether it is useful or due a review,
 * and its workstream's leads (who may review it).
 */
export async function get(client: Client, slug: string) {
  const result = await client
    .from('patterns')
    .select(PATTERN_DETAIL)
    .eq('slug', slug)
    .eq('workstream.workstream_members.role', 'lead')
    .order('created_at', { referencedTable: 'pattern_examples' })
    .order('created_at', { referencedTable: 'pattern_adoptions' })
    .order('created_at', { referencedTable: 'pattern_reviews', ascending: false })
    .maybeSingle();
  return unwrap(result, 'No such pattern.');
}

/** What the edit form needs: the row, its tags and examples. */
export async function getForEdit(client: Client, slug: string) {
  return unwrap(
    await client
      .from('patterns')
      .select(
        `id, slug, title, summary, problem, when_to_use, when_not_to_use, how_it_works,
         research_evidence, known_gaps, workstream_id, version, created_by,
         pattern_outcomes(outcome_id), pattern_examples(output_id, outputs(id, slug, title))`
      )
      .eq('slug', slug)
      .maybeSingle(),
    'No such pattern.'
  );
}

/** How many published outputs the form offers as examples (the latest). */
export const EXAMPLE_CHOICES = 50;

/** Published outputs to offer as examples, latest first. */
export async function exampleChoices(client: Client) {
  return unwrap(
    await client
      .from('outputs')
      .select('id, slug, title')
      .eq('status', 'published')
      .order('published_at', { ascending: false })
      .limit(EXAMPLE_CHOICES)
  );
}

/**
 * Proposes (id null) or edits a pattern with its outcome tags and examples, in one call
 * (public.save_pattern). Returns its slug. A stale version is refused as a conflict (PT409).
 */
export async function save(
  client: Client,
  input: PatternInput,
  outcomeIds: string[],
  exampleIds: string[],
  id?: string
): Promise<string> {
  return unwrap(
    await client.rpc('save_pattern', {
      p_title: input.title,
      p_summary: input.summary,
      p_problem: input.problem,
      ...(id ? { p_id: id, p_version: Number(input.version) } : {}),
      ...(input.when_to_use ? { p_when_to_use: input.when_to_use } : {}),
      ...(input.when_not_to_use ? { p_when_not_to_use: input.when_not_to_use } : {}),
      ...(input.how_it_works ? { p_how_it_works: input.how_it_works } : {}),
      ...(input.research_evidence ? { p_research_evidence: input.research_evidence } : {}),
      ...(input.known_gaps ? { p_known_gaps: input.known_gaps } : {}),
      ...(input.workstream_id ? { p_workstream_id: input.workstream_id } : {}),
      p_outcome_ids: outcomeIds,
      p_example_output_ids: exampleIds
    })
  );
}

/** A review (leads of its workstream, steering): the maturity, a note, against the version. */
export async function review(
  client: Client,
  patternId: string,
  input: { maturity: Maturity; note: string; version: number }
) {
  unwrapOk(
    await client.rpc('review_pattern', {
      p_pattern_id: patternId,
      p_maturity: input.maturity,
      p_note: input.note,
      p_version: input.version
    })
  );
}

/**
 * "We use this": records the member's organisation's adoption, or brings its record up to
 * date (one per organisation; anyone of that organisation may). `version` is the version of
 * the record the member opened, when they opened one: a stale one is refused.
 */
export async function recordAdoption(
  client: Client,
  patternId: string,
  input: { phase: Phase; adoption_note: string | null; version?: number }
) {
  return unwrap(
    await client.rpc('record_pattern_adoption', {
      p_pattern_id: patternId,
      p_phase: input.phase,
      p_note: input.adoption_note ?? undefined,
      p_version: input.version
    })
  );
}

/** Published patterns due a review (private.pattern_review_after_days), oldest review first. */
export async function dueForReview(client: Client, limit = PAGE_SIZE) {
  const result = await client
    .from('patterns')
    .select('slug, title, maturity, last_reviewed_on, review_due', { count: 'exact' })
    .eq('review_due', true)
    .order('last_reviewed_on', { ascending: true, nullsFirst: true })
    .order('title')
    .limit(limit);
  return { items: unwrap(result), total: result.count ?? 0 };
}
