import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';
import { PAGE_SIZE } from './query.ts';
import type { OutputKind } from '#lib/labels.ts';
import type { Database } from '#lib/database.types.ts';
import type { OutputInput } from '#lib/validation/output.ts';

type DeliveryPhase = Database['public']['Enums']['delivery_phase'];

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

/** The member's own drafts (ones they are credited on), latest first: only they see them. */
export async function listDrafts(client: Client, userId: string, limit = 10) {
  return unwrap(
    await client
      .from('outputs')
      .select('slug, title, updated_at, output_contributors!inner(user_id)')
      .eq('status', 'draft')
      .eq('output_contributors.user_id', userId)
      .order('updated_at', { ascending: false })
      .limit(limit)
  ).map(({ slug, title, updated_at }) => ({ slug, title, updatedAt: updated_at }));
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

const OUTPUT_DETAIL = `id, slug, title, summary, body, kind, external_url, licence, licence_url, status, published_at, updated_at, created_by,
  workstream:workstreams(slug, title),
  commitment:commitments(id, title, status),
  output_contributors(user_id, role, created_at, profiles(display_name, organisations(name))),
  output_outcomes(outcomes(slug, title)),
  output_reuses(id, organisation_id, phase, note, created_at, version, organisations(name, slug)),
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

/** A slug the outputs table did not answer: where the output went, or that it is archived. */
export async function findByOldSlug(client: Client, slug: string) {
  const rows = unwrap(await client.rpc('find_output_by_old_slug', { p_slug: slug }));
  return rows[0] ?? null;
}

/** What the edit form starts from: the row, its tags and its credits (with handles). */
export async function getForEdit(client: Client, slug: string) {
  const result = await client
    .from('outputs')
    .select(
      `id, slug, title, summary, body, kind, external_url, licence, licence_url, status,
       workstream_id, commitment_id, created_by, version,
       output_outcomes(outcome_id),
       output_contributors(user_id, role, created_at, profiles(handle, display_name))`
    )
    .eq('slug', slug)
    .order('created_at', { referencedTable: 'output_contributors' })
    .maybeSingle();
  return unwrap(result, 'No such output.');
}

/** The version of an output now, to re-show a conflicting edit against it. */
export async function currentVersion(client: Client, id: string) {
  const row = unwrap(
    await client.from('outputs').select('version').eq('id', id).maybeSingle(),
    'No such output.'
  );
  return row.version;
}

/** Profile ids for handles, in one request; handles nobody has are missing from the map. */
export async function profileIdsByHandle(client: Client, handles: string[]) {
  if (handles.length === 0) return new Map<string, string>();
  const rows = unwrap(await client.from('profiles').select('id, handle').in('handle', handles));
  return new Map(rows.map((r) => [r.handle, r.id]));
}

export interface SaveOutput {
  input: OutputInput;
  outcomeIds: string[];
  contributors: { id: string; credit: string | null }[];
  /** A new output made from this commitment becomes its evidence. */
  commitmentId?: string | null;
}

/**
 * Shares (no `id`) or edits an output with its credits and outcome tags in one
 * transaction (save_output); returns its slug, which follows the title. A stale version
 * is refused (DataError 'conflict'), a change the member may not make with 'forbidden'.
 */
export async function save(client: Client, save: SaveOutput, id?: string) {
  const { input } = save;
  return unwrap(
    await client.rpc('save_output', {
      p_title: input.title,
      p_kind: input.kind,
      p_status: input.status,
      p_summary: input.summary,
      p_body: input.body ?? undefined,
      p_external_url: input.external_url ?? undefined,
      p_licence: input.licence,
      p_licence_url: input.licence === 'other' ? (input.licence_url ?? undefined) : undefined,
      p_workstream_id: input.workstream_id ?? undefined,
      p_outcome_ids: save.outcomeIds,
      p_contributor_ids: save.contributors.map((c) => c.id),
      p_contributor_roles: save.contributors.map((c) => c.credit ?? ''),
      ...(id
        ? { p_id: id, p_version: Number(input.version) }
        : { p_commitment_id: save.commitmentId ?? undefined })
    })
  );
}

/**
 * Who may edit an output: its creator, its contributors and the steering group (the
 * database's rule too; the edit page and the output page's "Edit this output" link ask here).
 */
export function mayEdit(
  output: { created_by: string | null; output_contributors: { user_id: string }[] },
  userId: string,
  steering: boolean
) {
  return (
    steering ||
    output.created_by === userId ||
    output.output_contributors.some((c) => c.user_id === userId)
  );
}

/**
 * "We've used this": records the member's organisation's reuse, or brings its record up
 * to date (one per organisation). Returns the record's id.
 */
export async function recordReuse(
  client: Client,
  outputId: string,
  reuse: { phase: DeliveryPhase; note: string | null; version?: number }
) {
  return unwrap(
    await client.rpc('record_output_reuse', {
      p_output_id: outputId,
      p_phase: reuse.phase,
      p_note: reuse.note ?? undefined,
      p_version: reuse.version
    })
  );
}
