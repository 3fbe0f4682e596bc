import type { Client } from './supabase.ts';
import { DataError, unwrap, unwrapOk } from './errors.ts';
import { PAGE_SIZE } from './query.ts';
import { STATUS_ORDER } from '#lib/commitment-status.ts';
import type { WorkstreamStatus } from '#lib/labels.ts';
import type { EditWorkstreamInput, ProposeWorkstreamInput } from '#lib/validation/workstream.ts';

/**
 * The `limit` active workstreams with the most members (listed by title), and how many
 * active workstreams there are in all: the home page shows a handful, not all 300.
 */
export async function listActive(client: Client, limit = 8) {
  const result = await client
    .from('workstream_summary')
    .select('slug, title, purpose, member_count', { count: 'exact' })
    .eq('status', 'active')
    .order('member_count', { ascending: false })
    .order('title')
    .limit(limit);
  const workstreams = unwrap(result).map((row) => ({
    slug: row.slug ?? '',
    title: row.title ?? '',
    purpose: row.purpose,
    memberCount: row.member_count ?? 0
  }));
  workstreams.sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  return { workstreams, total: result.count ?? workstreams.length };
}

/**
 * Workstreams the viewer may see (RLS: visitors see active and closed ones), with leads,
 * member count, open commitments and latest activity, one page, in one request.
 */
export async function list(
  client: Client,
  filters: { status?: WorkstreamStatus; outcome?: string },
  page: number
) {
  const from = (page - 1) * PAGE_SIZE;
  // The outcome tags are embedded (empty) only to filter by: `not.is.null` keeps the
  // workstreams that have a tag matching the outcome.
  let query = client
    .from('workstream_summary')
    .select(
      `id, slug, title, purpose, status, member_count, open_commitments,
       leads:workstream_members(role, profiles(display_name, handle)),
       activity(created_at), workstream_outcomes(outcomes!inner())`,
      { count: 'exact' }
    )
    .eq('leads.role', 'lead')
    .order('created_at', { referencedTable: 'activity', ascending: false })
    .limit(1, { referencedTable: 'activity' });
  if (filters.status) query = query.eq('status', filters.status);
  if (filters.outcome)
    query = query
      .eq('workstream_outcomes.outcomes.slug', filters.outcome)
      .not('workstream_outcomes', 'is', null);
  const result = await query
    .order('title')
    .order('id')
    .range(from, from + PAGE_SIZE - 1);
  return { workstreams: unwrap(result), total: result.count ?? 0 };
}

const DETAIL = `id, slug, title, purpose, description, status, created_by, created_at, updated_at, version,
  workstream_outcomes(outcomes(id, slug, title)),
  workstream_members(user_id, role, joined_at, profiles(display_name, handle, organisations(name))),
  outputs(slug, title, published_at),
  patterns(slug, title),
  events(slug, title, starts_at),
  follows(id),
  activity(id, verb, summary, subject_table, subject_id, created_at, actor:profiles(display_name, handle))`;

/** One workstream with everything its page shows, in one request (RLS decides what). */
export async function get(client: Client, slug: string) {
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
  return unwrap(result, 'No such workstream.');
}

export type Detail = Awaited<ReturnType<typeof get>>;

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
  unwrapOk(result);
  return result.data !== null;
}

/**
 * Proposes a workstream with its outcome tags in one transaction (status proposed; its
 * proposer becomes its lead), adding the invited members (who are told). Returns its
 * slug; a slug in use is refused with 23505.
 */
export async function propose(
  client: Client,
  slug: string,
  input: ProposeWorkstreamInput,
  outcomeIds: string[],
  inviteIds: string[] = []
) {
  return unwrap(
    await client.rpc('propose_workstream', {
      p_slug: slug,
      p_title: input.title,
      p_purpose: input.purpose,
      p_description: input.description ?? undefined,
      p_outcome_ids: outcomeIds,
      p_invite_ids: inviteIds
    })
  );
}

/**
 * Saves an edit of a workstream and its outcome tags in one transaction; a stale version
 * is refused as a conflict, anyone but its leads and steering as forbidden.
 */
export async function update(
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
  unwrapOk(result);
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
  unwrapOk(result);
  if (!result.data)
    throw new DataError('forbidden', 'Only the steering group can approve a proposal.', 403);
}

export async function join(client: Client, id: string, userId: string) {
  const result = await client
    .from('workstream_members')
    .insert({ workstream_id: id, user_id: userId, role: 'member' });
  unwrapOk(result);
}

/** Leaves (or, for a lead, removes someone from) a workstream. */
export async function removeMember(client: Client, id: string, userId: string) {
  const result = await client
    .from('workstream_members')
    .delete()
    .eq('workstream_id', id)
    .eq('user_id', userId)
    .select('user_id');
  unwrapOk(result);
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
  unwrapOk(result);
  if (!result.data || result.data.length === 0) {
    throw new DataError('forbidden', 'Only leads can change who leads a workstream.', 403);
  }
}

/** How many notifications /me lists, newest first (dismissed ones are deleted). */
export const NOTIFICATIONS_SHOWN = 50;

/**
 * The workstreams a member is in, with their role, and what others did about their place
 * in workstreams (public.notifications, newest first): one request, from their profile.
 */
export async function listMine(client: Client, userId: string) {
  const profile = unwrap(
    await client
      .from('profiles')
      .select(
        `workstream_members(workstream_id, role, workstreams(slug, title, status)),
         notifications!notifications_user_id_fkey(id, verb, summary, created_at,
           actor:profiles!notifications_actor_id_fkey(display_name),
           workstreams(id, slug, title))`
      )
      .eq('id', userId)
      .order('joined_at', { referencedTable: 'workstream_members', ascending: false })
      .order('created_at', { referencedTable: 'notifications', ascending: false })
      .order('id', { referencedTable: 'notifications', ascending: false })
      .limit(NOTIFICATIONS_SHOWN, { referencedTable: 'notifications' })
      .single(),
    'Your profile could not be found. Sign out and sign in again.'
  );
  return { memberships: profile.workstream_members, notifications: profile.notifications };
}

/**
 * Which workstreams the member may put things in, as the database's placement rule has it
 * (private.can_place_in_workstream: the ones they are in; all of them for steering), so
 * forms offer only those. One request, from their profile.
 */
export async function placeableBy(client: Client, userId: string) {
  const profile = unwrap(
    await client
      .from('profiles')
      .select('workstream_members(workstream_id), network_roles!network_roles_user_id_fkey(role)')
      .eq('id', userId)
      .eq('network_roles.role', 'steering')
      .single(),
    'Your profile could not be found. Sign out and sign in again.'
  );
  // `steering` too: steering may also edit what others made (outputs, patterns).
  if (profile.network_roles.length > 0) return Object.assign(() => true, { steering: true });
  const joined = new Set(profile.workstream_members.map((m) => m.workstream_id));
  return Object.assign((workstreamId: string) => joined.has(workstreamId), { steering: false });
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
  return unwrap(result, 'No such workstream.');
}
