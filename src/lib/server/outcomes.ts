import type { Client } from './supabase.ts';
import { unwrap, unwrapOk } from './errors.ts';

// The outcome tag page: everything tagged with one outcome, a few of each with counts.

/** How many of each kind of thing the tag page lists before "and N more". */
export const OUTCOME_PAGE_LIMIT = 5;

// Each kind but commitments is embedded twice through its join table: a few rows, and a
// count with the same filters. RLS on each table decides what the reader sees (visitors:
// active and closed workstreams, public commitments; everyone: published outputs, patterns
// and events).
const OUTCOME_PAGE = `id, slug, title, description, is_principle, retired_at,
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

/**
 * One outcome and the work tagged with it, with the organisations taking part, in three
 * requests made together.
 */
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
  const [result, commitments, part] = await Promise.all([
    outcome,
    commitmentsTagged(client, slug, limit),
    takingPart(client, slug)
  ]);
  const page = unwrap(result, 'No such outcome.');
  const count = (rows: { count: number }[]) => rows[0]?.count ?? 0;
  return {
    outcome: {
      slug: page.slug,
      title: page.title,
      description: page.description,
      isPrinciple: page.is_principle,
      retired: page.retired_at !== null,
      id: page.id,
      following: page.follows.length > 0
    },
    workstreams: { items: page.workstream_list, total: count(page.workstream_count) },
    commitments: { ...commitments, done: part.commitmentsDone, open: part.commitmentsOpen },
    organisations: part.organisations,
    match: part.match,
    outputs: { items: page.output_list, total: count(page.output_count) },
    patterns: { items: page.pattern_list, total: count(page.pattern_count) },
    events: { items: page.event_list, total: count(page.event_count) }
  };
}

/**
 * The organisations taking part in an outcome (or, slug null, in every outcome in use) and
 * the matchmaking rule's verdict, from public.outcome_organisations: one request.
 */
export async function organisations(client: Client, slug: string | null) {
  const rows = unwrap(
    await client.rpc('outcome_organisations', slug ? { p_outcome: slug } : {}, { get: true })
  );
  return rows;
}

/** One outcome's organisations and commitment counts, and who to invite if they work apart. */
export async function takingPart(client: Client, slug: string) {
  const rows = await organisations(client, slug);
  const taking = rows.flatMap((r) =>
    r.organisation_slug && r.organisation_name
      ? [
          {
            slug: r.organisation_slug,
            name: r.organisation_name,
            working: r.working,
            apart: r.apart
          }
        ]
      : []
  );
  const apart = rows.filter((r) => r.suggest_workstream);
  return {
    commitmentsOpen: rows[0]?.commitments_open ?? 0,
    commitmentsDone: rows[0]?.commitments_done ?? 0,
    organisations: taking,
    // Who to invite, by organisation: the people working on it there.
    match: apart.length
      ? apart.map((r) => ({
          slug: r.organisation_slug ?? '',
          name: r.organisation_name ?? '',
          memberIds: r.member_ids
        }))
      : null
  };
}

/** Every outcome in use where organisations work apart: the steering view's suggestions. */
export async function matches(client: Client) {
  const rows = (await organisations(client, null)).filter((r) => r.suggest_workstream);
  const byOutcome = new Map<
    string,
    { slug: string; title: string; organisations: string[]; memberIds: string[] }
  >();
  for (const r of rows) {
    const m = byOutcome.get(r.outcome_slug) ?? {
      slug: r.outcome_slug,
      title: r.outcome_title,
      organisations: [],
      memberIds: []
    };
    if (r.organisation_name) m.organisations.push(r.organisation_name);
    m.memberIds.push(...r.member_ids.filter((id) => !m.memberIds.includes(id)));
    byOutcome.set(r.outcome_slug, m);
  }
  return [...byOutcome.values()];
}

/** "Leeds, Hackney and Devon": names joined the way a sentence lists them. */
export function listInWords(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Where a renamed or merged outcome's old slug points now, or null. */
export async function redirectFor(client: Client, slug: string): Promise<string | null> {
  const result = await client
    .from('outcome_redirects')
    .select('outcomes(slug)')
    .eq('old_slug', slug)
    .maybeSingle();
  unwrapOk(result);
  return result.data?.outcomes?.slug ?? null;
}

/** The whole vocabulary for /outcomes: principles first, retired ones too (marked). */
export async function listAll(client: Client) {
  return unwrap(
    await client
      .from('outcomes')
      .select('id, slug, title, description, is_principle, retired_at')
      .order('retired_at', { ascending: true, nullsFirst: true })
      .order('is_principle', { ascending: false })
      .order('title')
  );
}

/** One outcome as the steering group edits it. */
export async function getForEdit(client: Client, slug: string) {
  return unwrap(
    await client
      .from('outcomes')
      .select('id, slug, title, description, is_principle, retired_at, version')
      .eq('slug', slug)
      .maybeSingle(),
    'No such outcome.'
  );
}

export interface OutcomeInput {
  title: string;
  slug: string;
  description: string | null;
  kind: 'principle' | 'outcome';
}

/** Adds a tag (steering only: RLS). A slug in use is refused with 23505. */
export async function create(client: Client, input: OutcomeInput): Promise<string> {
  return unwrap(
    await client
      .from('outcomes')
      .insert({
        slug: input.slug,
        title: input.title,
        description: input.description,
        is_principle: input.kind === 'principle'
      })
      .select('slug')
      .single()
  ).slug;
}

/** Edits a tag against the version opened; a new slug leaves the old one redirecting. */
export async function update(
  client: Client,
  id: string,
  input: OutcomeInput & { version: number }
): Promise<string> {
  return unwrap(
    await client
      .from('outcomes')
      .update({
        slug: input.slug,
        title: input.title,
        description: input.description,
        is_principle: input.kind === 'principle',
        version: input.version
      })
      .eq('id', id)
      .select('slug')
      .maybeSingle(),
    'Only the steering group can edit outcome tags.'
  ).slug;
}

/** Retires a tag (no longer offered in forms, still shown where it tags things) or brings it back. */
export async function setRetired(client: Client, id: string, retired: boolean, version: number) {
  unwrap(
    await client
      .from('outcomes')
      .update({ retired_at: retired ? new Date().toISOString() : null, version })
      .eq('id', id)
      .select('id')
      .maybeSingle(),
    'Only the steering group can retire outcome tags.'
  );
}

/** Merges one tag into another in one call; returns the survivor's slug. */
export async function merge(client: Client, fromId: string, intoId: string): Promise<string> {
  return unwrap(await client.rpc('merge_outcomes', { p_from: fromId, p_into: intoId }));
}
