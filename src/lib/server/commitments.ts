import type { Client } from './supabase.ts';
import { DataError, unwrap, unwrapOk } from './errors.ts';
import { PAGE_SIZE } from './query.ts';
import { openFirst } from '#lib/commitment-status.ts';
import type { CommitmentStatus, Staleness } from '#lib/labels.ts';
import type { CommitmentInput } from '#lib/validation/commitment.ts';

// ---------------------------------------------------------------------------------------
// Lists

export const SORTS = {
  updated: { column: 'updated_at', ascending: false },
  check_in: { column: 'next_check_in_on', ascending: true },
  due: { column: 'due_on', ascending: true }
} as const;
export type Sort = keyof typeof SORTS;
export const SORT_NAMES = Object.keys(SORTS) as Sort[];

export interface ListFilters {
  workstream?: string;
  status?: CommitmentStatus;
  staleness?: Staleness;
  organisation?: string;
  outcome?: string;
  sort?: Sort;
}

// What a list of commitments shows (CommitmentList): not the description, which can be long.
// updated_at is there because PostgREST sorts a function's rows only by selected columns.
const LIST_COLUMNS =
  'id, title, so_that, status, staleness, days_overdue, due_on, next_check_in_on, owner_display_name, organisation_name, workstream_slug, workstream_title, archived_at, updated_at';

/** A PostgREST filter value in double quotes, so commas and brackets in it are literal. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * The network's commitments (RLS: public ones for visitors, all for members), one page.
 * `organisation` is an organisation's slug (links from its page) or part of its name.
 */
export async function list(client: Client, filters: ListFilters, page: number) {
  const from = (page - 1) * PAGE_SIZE;
  // An outcome goes through commitments_with_outcome (the same rows as the view, found
  // from the tag): filtering the view by an embedded tag read every commitment.
  let query = (
    filters.outcome
      ? client
          .rpc(
            'commitments_with_outcome',
            { p_outcome: filters.outcome },
            { get: true, count: 'exact' }
          )
          .select(LIST_COLUMNS)
      : client.from('commitment_overview').select(LIST_COLUMNS, { count: 'exact' })
  ).is('archived_at', null);
  if (filters.workstream) query = query.eq('workstream_slug', filters.workstream);
  if (filters.status) query = query.eq('status', filters.status);
  if (filters.staleness) query = query.eq('staleness', filters.staleness);
  if (filters.organisation) {
    const name = filters.organisation.replace(/[%*_]/g, ' ');
    query = query.or(
      `organisation_slug.eq.${quoted(filters.organisation)},organisation_name.ilike.${quoted(`*${name}*`)}`
    );
  }
  const sort = SORTS[filters.sort ?? 'updated'];
  const result = await query
    .order(sort.column, { ascending: sort.ascending, nullsFirst: false })
    .order('id')
    .range(from, from + PAGE_SIZE - 1);
  return { commitments: unwrap(result), total: result.count ?? 0 };
}

/** A commitment as lists show it. */
export type ListItem = Awaited<ReturnType<typeof list>>['commitments'][number];

/** The member's own commitments, what is due first (next check-in), closed ones last. */
export async function listMine(client: Client, userId: string) {
  const rows = unwrap(
    await client
      .from('commitment_overview')
      .select('*')
      .eq('owner_id', userId)
      .is('archived_at', null)
      .order('next_check_in_on', { ascending: true, nullsFirst: false })
      .order('due_on', { ascending: true, nullsFirst: false })
      .limit(100)
  );
  // Open ones first (a done commitment keeps its last check-in date).
  return openFirst(rows);
}

/**
 * Commitments the member watches or offered help with, what is due first. Read from the
 * member's watch list (indexed by user) with each commitment embedded: filtering the whole
 * commitment_overview by an embedded watcher looked at every commitment (1.5 s).
 */
export async function listWatched(client: Client, userId: string) {
  const result = await client
    .from('commitment_watchers')
    .select('user_id, kind, commitment:commitment_overview!inner(*)')
    .eq('user_id', userId)
    .is('commitment.archived_at', null)
    .order('commitment(next_check_in_on)', { ascending: true, nullsFirst: false })
    .limit(100);
  return unwrap(result).map(({ user_id, kind, commitment }) => ({
    ...commitment,
    commitment_watchers: [{ user_id, kind }]
  }));
}

// ---------------------------------------------------------------------------------------
// One commitment

const DETAIL = `*,
  check_ins(id, note, status_from, status_to, next_check_in_on, created_at, author:profiles(display_name, handle)),
  commitment_watchers(user_id, kind, note, created_at, profiles(display_name, handle)),
  outputs(id, slug, title, status),
  commitment_outcomes(outcomes(id, slug, title)),
  from_session:event_sessions!event_sessions_commitment_id_fkey(id, title, events(slug, title))`;

/** A commitment with its check-ins (newest first), watchers, evidence and outcome tags. */
export async function get(client: Client, id: string) {
  const result = await client
    .from('commitment_overview')
    .select(DETAIL)
    .eq('id', id)
    .order('created_at', { referencedTable: 'check_ins', ascending: false })
    .order('created_at', { referencedTable: 'commitment_watchers', ascending: true })
    .maybeSingle();
  return unwrap(result, 'No such commitment.');
}

export type Detail = Awaited<ReturnType<typeof get>>;

/** The version and text of a commitment, to re-show a conflicting edit against it. */
export async function getForEdit(client: Client, id: string) {
  const result = await client
    .from('commitments')
    .select(
      'id, owner_id, title, so_that, description, due_on, visibility, workstream_id, version, archived_at, commitment_outcomes(outcome_id)'
    )
    .eq('id', id)
    .maybeSingle();
  return unwrap(result, 'No such commitment.');
}

/** Outputs the owner may attach as evidence: their own (drafts too) and published ones. */
export async function listEvidenceCandidates(client: Client) {
  return unwrap(
    await client
      .from('outputs')
      .select('id, title, status')
      .is('commitment_id', null)
      .order('title')
      .limit(200)
  );
}

// ---------------------------------------------------------------------------------------
// Changes

/** The fields a save sends; what may be empty is left out (the function's default). */
function saveArgs(input: CommitmentInput, outcomeIds: string[]) {
  return {
    p_title: input.title,
    p_so_that: input.so_that,
    p_description: input.description ?? undefined,
    p_due_on: input.due_on,
    p_workstream_id: input.workstream_id ?? undefined,
    p_visibility: input.visibility,
    p_outcome_ids: outcomeIds
  };
}

/**
 * Makes a commitment for the signed-in member with its outcome tags, in one transaction
 * (save_commitment: all or nothing), returns its id.
 */
export async function create(client: Client, input: CommitmentInput, outcomeIds: string[]) {
  return unwrap(
    await client.rpc('save_commitment', {
      ...saveArgs(input, outcomeIds),
      p_next_check_in_on: input.next_check_in_on ?? undefined
    })
  );
}

/**
 * Saves an edit and its outcome tags in one transaction. `input.version` is the version
 * the owner opened; a stale one is refused by the database (PT409 → DataError kind
 * 'conflict'), and anyone but the owner (or steering) with 42501 ('forbidden').
 */
export async function update(
  client: Client,
  id: string,
  input: CommitmentInput,
  outcomeIds: string[]
) {
  const result = await client.rpc('save_commitment', {
    ...saveArgs(input, outcomeIds),
    p_id: id,
    p_version: Number(input.version)
  });
  unwrapOk(result);
}

/** Archives (never deletes) a commitment; it leaves lists but its owner can still open it. */
export async function archive(client: Client, id: string, version: number) {
  const result = await client
    .from('commitments')
    .update({ archived_at: new Date().toISOString(), version })
    .eq('id', id)
    .select('id')
    .maybeSingle();
  unwrapOk(result);
  if (!result.data)
    throw new DataError('forbidden', 'Only the owner can archive this commitment.', 403);
}

/** Watches a commitment (keeps an existing offer of help as it is). */
export async function watch(client: Client, id: string, userId: string) {
  const result = await client
    .from('commitment_watchers')
    .upsert({ commitment_id: id, user_id: userId, kind: 'watch' }, { ignoreDuplicates: true });
  unwrapOk(result);
}

/** Stops watching (and withdraws any offer of help). */
export async function unwatch(client: Client, id: string, userId: string) {
  const result = await client
    .from('commitment_watchers')
    .delete()
    .eq('commitment_id', id)
    .eq('user_id', userId);
  unwrapOk(result);
}

/** Offers help with a note (also watches). */
export async function offerHelp(client: Client, id: string, userId: string, note: string) {
  const existing = await client
    .from('commitment_watchers')
    .select('version')
    .eq('commitment_id', id)
    .eq('user_id', userId)
    .maybeSingle();
  unwrapOk(existing);
  const result = existing.data
    ? await client
        .from('commitment_watchers')
        .update({ kind: 'offer_help', note, version: existing.data.version })
        .eq('commitment_id', id)
        .eq('user_id', userId)
    : await client
        .from('commitment_watchers')
        .insert({ commitment_id: id, user_id: userId, kind: 'offer_help', note });
  unwrapOk(result);
}

/** Marks an output as evidence for the commitment (the database checks who may). */
export async function attachOutput(client: Client, commitmentId: string, outputId: string) {
  const result = await client.rpc('attach_output_to_commitment', {
    p_commitment_id: commitmentId,
    p_output_id: outputId
  });
  unwrapOk(result);
}
