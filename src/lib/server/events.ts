import type { Client } from './supabase.ts';
import { unwrap, unwrapOk } from './errors.ts';
import { PAGE_SIZE } from './query.ts';
import type { EventKind } from '#lib/labels.ts';
import type { Attendance } from '#lib/event-programme.ts';

/** The next published events that have not finished yet, soonest first. */
export async function listUpcoming(client: Client, limit = 3, now = new Date()) {
  return unwrap(
    await client
      .from('events')
      .select('slug, title, kind, starts_at, ends_at')
      .eq('status', 'published')
      .gte('ends_at', now.toISOString())
      .order('starts_at')
      .limit(limit)
  );
}

/** Past events shown under the upcoming ones, before "See all past events". */
export const RECENT_PAST_EVENTS = 5;

const LIST_COLUMNS =
  'id, slug, title, summary, kind, status, starts_at, ends_at, venue, is_online, capacity, event_outcomes(outcomes!inner())';

/**
 * Events that have not finished (or, with `past`, that have), one page, with the total.
 * Published ones, and cancelled ones for members (RLS hides those from visitors); never
 * drafts, even to their organisers. Upcoming soonest first; past most recent first.
 */
export async function list(
  client: Client,
  filters: { kind?: EventKind; outcome?: string; past?: boolean },
  page: number,
  pageSize = PAGE_SIZE,
  now = new Date()
) {
  const from = (page - 1) * pageSize;
  // The outcome tags are embedded (empty) only to filter by.
  let query = client
    .from('events')
    .select(LIST_COLUMNS, { count: 'exact' })
    .in('status', ['published', 'cancelled']);
  if (filters.kind) query = query.eq('kind', filters.kind);
  if (filters.outcome)
    query = query
      .eq('event_outcomes.outcomes.slug', filters.outcome)
      .not('event_outcomes', 'is', null);
  query = filters.past
    ? query.lt('ends_at', now.toISOString()).order('starts_at', { ascending: false })
    : query.gte('ends_at', now.toISOString()).order('starts_at', { ascending: true });
  const result = await query.order('id').range(from, from + pageSize - 1);
  return { events: unwrap(result), total: result.count ?? 0 };
}

export type ListItem = Awaited<ReturnType<typeof list>>['events'][number];

/** Places taken and left for some events, in one request (numbers only, never names). */
export async function attendance(client: Client, eventIds: string[]) {
  const byEvent = new Map<string, Attendance>();
  if (eventIds.length === 0) return byEvent;
  const rows = unwrap(await client.rpc('event_attendance', { p_event_ids: eventIds }));
  for (const row of rows) byEvent.set(row.event_id, row);
  return byEvent;
}

const EVENT_DETAIL = `id, slug, title, summary, kind, status, starts_at, ends_at, venue, is_online, capacity, description, registration_opens_at, registration_closes_at,
  workstream:workstreams(slug, title),
  parent:parent_event_id(slug, title, starts_at, ends_at),
  fringe:events!parent_event_id(slug, title, kind, status, starts_at, ends_at),
  event_organisers(created_at, profiles(display_name, organisations(name))),
  event_outcomes(outcomes(slug, title)),
  event_sessions(id, title, description, room, starts_at, ends_at, notes,
    session_presenters(profiles(display_name, organisations(name))),
    session_outputs(outputs(slug, title))),
  pitches(id, title, description, withdrawn_at, session_id, created_at,
    pitcher:profiles!pitches_pitched_by_fkey(display_name), pitch_interests(count))`;

/** One event with everything its page shows, in one request (RLS decides if it is seen). */
export async function get(client: Client, slug: string) {
  const result = await client
    .from('events')
    .select(EVENT_DETAIL)
    .eq('slug', slug)
    .in('fringe.status', ['published', 'cancelled'])
    .order('starts_at', { referencedTable: 'fringe' })
    .order('created_at', { referencedTable: 'event_organisers' })
    .order('starts_at', { referencedTable: 'event_sessions', nullsFirst: false })
    .order('room', { referencedTable: 'event_sessions' })
    .order('created_at', { referencedTable: 'pitches' })
    .maybeSingle();
  return unwrap(result, 'No such event.');
}

export type Detail = Awaited<ReturnType<typeof get>>;

/**
 * An event's joining details (online link), or null. Asked for only for a signed-in
 * member (visitors may not read the table at all); RLS gives them only to people going,
 * organisers and the steering group.
 */
export async function getJoiningDetails(client: Client, slug: string) {
  const result = await client
    .from('event_private_details')
    .select('online_url, joining_instructions, events!inner()')
    .eq('events.slug', slug)
    .maybeSingle();
  unwrapOk(result);
  return result.data;
}
