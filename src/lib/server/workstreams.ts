import type { Client } from './supabase.ts';
import { DataError, toDataError, unwrap } from './errors.ts';
import type { Database } from '#lib/database.types.ts';
import { STATUS_ORDER } from '#lib/staleness.ts';
import type { EditWorkstreamInput, ProposeWorkstreamInput } from '#lib/validation/workstream.ts';

export interface WorkstreamSummary {
  slug: string;
  title: string;
  purpose: string | null;
  memberCount: number;
}

/**
 * The `limit` active workstreams with the most members (listed by title), and how many
 * active workstreams there are in all: the home page shows a handful, not all 300.
 */
export async function listActive(
  client: Client,
  limit = 8
): Promise<{ workstreams: WorkstreamSummary[]; total: number }> {
  const result = await client
    .from('workstream_summary')
    .select('slug, title, purpose, member_count', { count: 'exact' })
    .eq('status', 'active')
    .order('member_count', { ascending: false })
    .order('title')
    .limit(limit);
  if (result.error) throw toDataError(result.error, result.status);
  const workstreams = (result.data ?? []).map((row) => ({
    slug: row.slug ?? '',
    title: row.title ?? '',
    purpose: row.purpose,
    memberCount: row.member_count ?? 0
  }));
  workstreams.sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  return { workstreams, total: result.count ?? workstreams.length };
}

// ---------------------------------------------------------------------------------------
// Workstream pages (issue 4). Added below the home page's listActive.

export const WORKSTREAMS_PAGE_SIZE = 25;

type WorkstreamStatus = Database['public']['Enums']['workstream_status'];

export interface WorkstreamListItem {
  id: string;
  slug: string;
  title: string;
  purpose: string | null;
  status: WorkstreamStatus;
  member_count: number;
  open_commitments: number;
  leads: { role: string; profiles: { display_name: string; handle: string } | null }[];
  activity: { created_at: string }[];
}

/**
 * Workstreams the viewer may see (RLS: visitors see active and closed ones), with leads,
 * member count, open commitments and latest activity, one page, in one request.
 */
export async function listPage(
  client: Client,
  filters: { status?: string; outcome?: string },
  page: number
) {
  const from = (page - 1) * WORKSTREAMS_PAGE_SIZE;
  const outcomeJoin = filters.outcome ? ', workstream_outcomes!inner(outcomes!inner(slug))' : '';
  let query = client
    .from('workstream_summary')
    .select(
      `id, slug, title, purpose, status, member_count, open_commitments,
       leads:workstream_members(role, profiles(display_name, handle)),
       activity(created_at)${outcomeJoin}`,
      { count: 'exact' }
    )
    .eq('leads.role', 'lead')
    .order('created_at', { referencedTable: 'activity', ascending: false })
    .limit(1, { referencedTable: 'activity' });
  if (filters.status) query = query.eq('status', filters.status as WorkstreamStatus);
  if (filters.outcome) query = query.eq('workstream_outcomes.outcomes.slug', filters.outcome);
  const result = await query
    .order('title')
    .order('id')
    .range(from, from + WORKSTREAMS_PAGE_SIZE - 1);
  if (result.error) throw toDataError(result.error, result.status);
  return {
    workstreams: (result.data ?? []) as unknown as WorkstreamListItem[],
    total: result.count ?? 0
  };
}

export interface WorkstreamDetail {
  id: string;
  slug: string;
  title: string;
  purpose: string | null;
  description: string | null;
  status: WorkstreamStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  workstream_outcomes: { outcomes: { id: string; slug: string; title: string } | null }[];
  workstream_members: {
    user_id: string;
    role: 'lead' | 'member';
    joined_at: string;
    profiles: {
      display_name: string;
      handle: string;
      organisations: { name: string } | null;
    } | null;
  }[];
  outputs: { slug: string; title: string; published_at: string | null }[];
  patterns: { slug: string; title: string }[];
  events: { slug: string; title: string; starts_at: string }[];
  activity: {
    id: number;
    verb: string;
    summary: string | null;
    subject_table: string;
    subject_id: string | null;
    created_at: string;
    actor: { display_name: string; handle: string } | null;
  }[];
}

const DETAIL = `id, slug, title, purpose, description, status, created_by, created_at, updated_at, version,
  workstream_outcomes(outcomes(id, slug, title)),
  workstream_members(user_id, role, joined_at, profiles(display_name, handle, organisations(name))),
  outputs(slug, title, published_at),
  patterns(slug, title),
  events(slug, title, starts_at),
  activity(id, verb, summary, subject_table, subject_id, created_at, actor:profiles(display_name, handle))`;

/** One workstream with everything its page shows, in one request (RLS decides what). */
export async function getBySlug(client: Client, slug: string): Promise<WorkstreamDetail> {
  const result = await client
    .from('workstreams')
    .select(DETAIL)
    .eq('slug', slug)
    .order('joined_at', { referencedTable: 'workstream_members', ascending: true })
    .order('published_at', { referencedTable: 'outputs', ascending: false })
    .limit(20, { referencedTable: 'outputs' })
    .order('title', { referencedTable: 'patterns' })
    .limit(20, { referencedTable: 'patterns' })
    .order('starts_at', { referencedTable: 'events', ascending: false })
    .limit(20, { referencedTable: 'events' })
    .order('created_at', { referencedTable: 'activity', ascending: false })
    .limit(10, { referencedTable: 'activity' })
    .maybeSingle();
  if (result.error) throw toDataError(result.error, result.status);
  if (!result.data) throw new DataError('not_found', 'No such workstream.', 404);
  return result.data as unknown as WorkstreamDetail;
}

/** How many commitments of each status a workstream page lists; "See all" shows the rest. */
export const COMMITMENTS_PER_STATUS = 10;

/**
 * A workstream's commitments by status (RLS: public ones for visitors), in STATUS_ORDER,
 * leaving out empty statuses: how many there are and the first few, next check-in first.
 * One call: workstream_commitment_groups returns the rows shown, each with its status's total.
 */
export async function commitmentsOf(client: Client, slug: string) {
  const rows = unwrap(
    await client.rpc('workstream_commitment_groups', {
      p_slug: slug,
      p_per_status: COMMITMENTS_PER_STATUS
    })
  );
  return STATUS_ORDER.map((status) => {
    const items = rows.filter((row) => row.status === status);
    return { status, total: items[0]?.status_total ?? 0, items };
  }).filter((group) => group.total > 0);
}

/** Whether the signed-in member is in the steering group (they approve proposals). */
export async function isSteering(
  client: Client,
  userId: string | null | undefined
): Promise<boolean> {
  if (!userId) return false;
  const result = await client
    .from('network_roles')
    .select('role')
    .eq('user_id', userId)
    .eq('role', 'steering')
    .maybeSingle();
  if (result.error) throw toDataError(result.error, result.status);
  return result.data !== null;
}

/**
 * Proposes a workstream with its outcome tags in one transaction (status proposed; its
 * proposer becomes its lead). Returns its slug; a slug in use is refused with 23505.
 */
export async function propose(
  client: Client,
  slug: string,
  input: ProposeWorkstreamInput,
  outcomeIds: string[]
) {
  return unwrap(
    await client.rpc('propose_workstream', {
      p_slug: slug,
      p_title: input.title,
      p_purpose: input.purpose,
      p_description: input.description ?? undefined,
      p_outcome_ids: outcomeIds
    })
  );
}

/**
 * Saves an edit of a workstream and its outcome tags in one transaction; a stale version
 * is refused as a conflict, anyone but its leads and steering as forbidden.
 */
export async function updateWorkstream(
  client: Client,
  id: string,
  input: EditWorkstreamInput,
  outcomeIds: string[]
) {
  const result = await client.rpc('save_workstream', {
    p_id: id,
    p_title: input.title,
    p_purpose: input.purpose,
    p_description: input.description ?? undefined,
    p_status: input.status,
    p_version: input.version,
    p_outcome_ids: outcomeIds
  });
  if (result.error) throw toDataError(result.error, result.status);
}

/** Steering approves a proposal: it becomes active. */
export async function approve(client: Client, id: string, version: number) {
  const result = await client
    .from('workstreams')
    .update({ status: 'active', version })
    .eq('id', id)
    .eq('status', 'proposed')
    .select('id')
    .maybeSingle();
  if (result.error) throw toDataError(result.error, result.status);
  if (!result.data)
    throw new DataError('forbidden', 'Only the steering group can approve a proposal.', 403);
}

export async function join(client: Client, id: string, userId: string) {
  const result = await client
    .from('workstream_members')
    .insert({ workstream_id: id, user_id: userId, role: 'member' });
  if (result.error) throw toDataError(result.error, result.status);
}

/** Leaves (or, for a lead, removes someone from) a workstream. */
export async function removeMember(client: Client, id: string, userId: string) {
  const result = await client
    .from('workstream_members')
    .delete()
    .eq('workstream_id', id)
    .eq('user_id', userId)
    .select('user_id');
  if (result.error) throw toDataError(result.error, result.status);
  if (!result.data || result.data.length === 0) {
    throw new DataError('forbidden', 'Only leads can remove other people from a workstream.', 403);
  }
}

export async function setRole(client: Client, id: string, userId: string, role: 'lead' | 'member') {
  const result = await client
    .from('workstream_members')
    .update({ role })
    .eq('workstream_id', id)
    .eq('user_id', userId)
    .select('user_id');
  if (result.error) throw toDataError(result.error, result.status);
  if (!result.data || result.data.length === 0) {
    throw new DataError('forbidden', 'Only leads can change who leads a workstream.', 403);
  }
}

/** The workstreams a member is in, with their role. */
export async function myWorkstreams(client: Client, userId: string) {
  return unwrap(
    await client
      .from('workstream_members')
      .select('workstream_id, role, workstreams(slug, title, status)')
      .eq('user_id', userId)
      .order('joined_at', { ascending: false })
  );
}

/** What the edit and members pages need: the row, its outcome tags and its people. */
export async function getForEdit(client: Client, slug: string) {
  const result = await client
    .from('workstreams')
    .select(
      `id, slug, title, purpose, description, status, version,
       workstream_outcomes(outcome_id),
       workstream_members(user_id, role, joined_at, profiles(display_name, handle))`
    )
    .eq('slug', slug)
    .order('joined_at', { referencedTable: 'workstream_members', ascending: true })
    .maybeSingle();
  if (result.error) throw toDataError(result.error, result.status);
  if (!result.data) throw new DataError('not_found', 'No such workstream.', 404);
  return result.data;
}
