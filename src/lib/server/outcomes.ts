import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';

// The outcome tag page: everything tagged with one outcome, a few of each with counts.

/** How many of each kind of thing the tag page lists before "and N more". */
export const OUTCOME_PAGE_LIMIT = 5;

// Each kind but commitments is embedded twice through its join table: a few rows, and a
// count with the same filters. RLS on each table decides what the reader sees (visitors:
// active and closed workstreams, public commitments; everyone: published outputs, patterns
// and events).
const OUTCOME_PAGE = `id, slug, title, description, is_principle,
  workstream_list:workstreams(slug, title, status, purpose), workstream_count:workstreams(count),
  output_list:outputs(slug, title, kind, summary), output_count:outputs(count),
  pattern_list:patterns(slug, title, maturity, summary), pattern_count:patterns(count),
  event_list:events(slug, title, kind, status, starts_at, ends_at), event_count:events(count),
  follows(id)`;

/**
 * The latest commitments tagged with an outcome and how many there are, in one request.
 * commitments_with_outcome finds them from the tag; embedded in the outcome, Postgres
 * joined the tag to every commitment in the network, twice.
 */
async function commitmentsTagged(client: Client, slug: string, limit: number) {
  const result = await client
    .rpc('commitments_with_outcome', { p_outcome: slug }, { get: true, count: 'exact' })
    // A filter or order on a function's rows needs its column selected too.
    .select('id, title, status, due_on, archived_at, updated_at')
    .is('archived_at', null)
    .order('updated_at', { ascending: false })
    .limit(limit);
  const items = unwrap(result).map(({ id, title, status, due_on }) => ({
    id,
    title,
    status,
    due_on
  }));
  return { items, total: result.count ?? 0 };
}

/** One outcome and the work tagged with it, in two requests made together. */
export async function get(client: Client, slug: string, limit = OUTCOME_PAGE_LIMIT) {
  const outcome = client
    .from('outcomes')
    .select(OUTCOME_PAGE)
    .eq('slug', slug)
    .order('title', { referencedTable: 'workstream_list' })
    .limit(limit, { referencedTable: 'workstream_list' })
    .eq('output_list.status', 'published')
    .eq('output_count.status', 'published')
    .order('published_at', { referencedTable: 'output_list', ascending: false })
    .limit(limit, { referencedTable: 'output_list' })
    .eq('pattern_list.status', 'published')
    .eq('pattern_count.status', 'published')
    .order('title', { referencedTable: 'pattern_list' })
    .limit(limit, { referencedTable: 'pattern_list' })
    .in('event_list.status', ['published', 'cancelled'])
    .in('event_count.status', ['published', 'cancelled'])
    .order('starts_at', { referencedTable: 'event_list', ascending: false })
    .limit(limit, { referencedTable: 'event_list' })
    .maybeSingle();
  const [result, commitments] = await Promise.all([
    outcome,
    commitmentsTagged(client, slug, limit)
  ]);
  const page = unwrap(result, 'No such outcome.');
  const count = (rows: { count: number }[]) => rows[0]?.count ?? 0;
  return {
    outcome: {
      slug: page.slug,
      title: page.title,
      description: page.description,
      isPrinciple: page.is_principle,
      id: page.id,
      following: page.follows.length > 0
    },
    workstreams: { items: page.workstream_list, total: count(page.workstream_count) },
    commitments,
    outputs: { items: page.output_list, total: count(page.output_count) },
    patterns: { items: page.pattern_list, total: count(page.pattern_count) },
    events: { items: page.event_list, total: count(page.event_count) }
  };
}
