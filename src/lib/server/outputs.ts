import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';
import { PAGE_SIZE } from './query.ts';
import type { OutputKind } from '#lib/labels.ts';

/** The most recently published outputs. */
export async function listLatest(client: Client, limit = 5) {
  return unwrap(
    await client
      .from('outputs')
      .select('slug, title, summary, kind, published_at')
      .eq('status', 'published')
      .order('published_at', { ascending: false, nullsFirst: false })
      .limit(limit)
  );
}

export interface OutputFilters {
  kind?: OutputKind;
  outcome?: string;
  workstream?: string;
}

/**
 * Published outputs, newest first, one page, with contributors and how many organisations
 * reused each: one request (the count comes back with it).
 */
export async function list(client: Client, filters: OutputFilters, page: number) {
  const from = (page - 1) * PAGE_SIZE;
  // Tags and workstream are embedded (empty) only to filter by: `not.is.null` keeps the
  // outputs with a match.
  let query = client
    .from('outputs')
    .select(
      `id, slug, title, summary, kind, published_at,
       output_contributors(profiles(display_name, organisations(name))),
       output_reuse_counts(organisation_count),
       output_outcomes(outcomes!inner()), workstreams()`,
      { count: 'exact' }
    )
    .eq('status', 'published');
  if (filters.kind) query = query.eq('kind', filters.kind);
  if (filters.outcome)
    query = query
      .eq('output_outcomes.outcomes.slug', filters.outcome)
      .not('output_outcomes', 'is', null);
  if (filters.workstream)
    query = query.eq('workstreams.slug', filters.workstream).not('workstreams', 'is', null);
  const result = await query
    .order('published_at', { ascending: false, nullsFirst: false })
    .order('created_at', { ascending: false })
    .order('id')
    .range(from, from + PAGE_SIZE - 1);
  return { outputs: unwrap(result), total: result.count ?? 0 };
}

const OUTPUT_DETAIL = `id, slug, title, summary, body, kind, external_url, licence, status, published_at, updated_at,
  workstream:workstreams(slug, title),
  commitment:commitments(id, title, status),
  output_contributors(role, created_at, profiles(display_name, organisations(name))),
  output_outcomes(outcomes(slug, title)),
  output_reuses(id, phase, note, created_at, organisations(name)),
  pattern_examples(patterns(slug, title))`;

/** One output with everything its page shows, in one request (RLS decides if it is seen). */
export async function get(client: Client, slug: string) {
  const result = await client
    .from('outputs')
    .select(OUTPUT_DETAIL)
    .eq('slug', slug)
    .order('created_at', { referencedTable: 'output_contributors' })
    .order('created_at', { referencedTable: 'output_reuses', ascending: false })
    .maybeSingle();
  return unwrap(result, 'No such output.');
}
