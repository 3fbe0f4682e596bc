import type { Client } from './supabase.ts';
import { unwrap, unwrapOk } from './errors.ts';
import { PAGE_SIZE } from './query.ts';
import type { EventKind } from '#lib/labels.ts';
import type { Attendance } from '#lib/event-programme.ts';
import type { EventInput } from '#lib/validation/event.ts';

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
  'id, slug, title, summary, kind, status, starts_at, ends_at, venue, is_online, capacity, going_count, waitlist_count, event_outcomes(outcomes!inner()), workstreams()';

/**
 * Events that have not finished (or, with `past`, that have), one page, with the total.
 * Published ones, and cancelled ones for members (RLS hides those from visitors); never
 * drafts, even to their organisers. Upcoming soonest first; past most recent first.
 */
export async function list(
  client: Client,
  filters: { kind?: EventKind; outcome?: string; workstream?: string; past?: boolean },
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
  if (filters.workstream)
    query = query.eq('workstreams.slug', filters.workstream).not('workstreams', 'is', null);
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

/** Places taken and left, from an event's computed counts (numbers only, never names). */
export function attendanceOf(e: {
  capacity: number | null;
  going_count: number | null;
  waitlist_count: number | null;
}): Attendance {
  const going = e.going_count ?? 0;
  return {
    capacity: e.capacity,
    going,
    waitlisted: e.waitlist_count ?? 0,
    places_left: e.capacity === null ? null : Math.max(e.capacity - going, 0)
  };
}

const EVENT_DETAIL = `id, slug, title, summary, kind, status, starts_at, ends_at, venue, is_online, capacity, description, registration_opens_at, registration_closes_at, version, updated_at, going_count, waitlist_count,
  organiser_ids:event_organisers(user_id),
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
 * A signed-in member's registration at an event and, when they may read them (going,
 * organising, steering: RLS decides), its joining details. One request.
 */
export async function myPlace(client: Client, slug: string) {
  const result = await client.rpc('my_place_at_event', { p_slug: slug }).maybeSingle();
  unwrapOk(result);
  return result.data;
}

export interface Related {
  slug: string;
  title: string;
  summary: string | null;
}

/** "Before you go": published outputs and patterns from the event's workstream and outcomes. */
export async function beforeYouGo(client: Client, slug: string) {
  const data = unwrap(await client.rpc('event_before_you_go', { p_slug: slug }));
  const read = (v: unknown): Related[] =>
    Array.isArray(v)
      ? v.flatMap((r) =>
          r && typeof r === 'object' && 'slug' in r && 'title' in r
            ? [
                {
                  slug: String(r.slug),
                  title: String(r.title),
                  summary: 'summary' in r && typeof r.summary === 'string' ? r.summary : null
                }
              ]
            : []
        )
      : [];
  const obj = data && typeof data === 'object' && !Array.isArray(data) ? data : {};
  return { outputs: read(obj.outputs), patterns: read(obj.patterns) };
}

/** An event as its edit form needs it, with joining details and co-organisers' handles. */
export async function getForEdit(client: Client, slug: string) {
  return unwrap(
    await client
      .from('events')
      .select(
        `id, slug, title, kind, summary, description, starts_at, ends_at, venue, is_online, capacity,
         registration_opens_at, registration_closes_at, status, workstream_id, parent_event_id,
         created_by, version,
         event_private_details(online_url, joining_instructions),
         event_organisers(user_id, profiles(handle)),
         event_outcomes(outcome_id)`
      )
      .eq('slug', slug)
      .maybeSingle(),
    'No such event.'
  );
}

export type ForEdit = Awaited<ReturnType<typeof getForEdit>>;

/**
 * For an event's edit form: whether the signed-in member may edit it (organisers and the
 * steering group, as the database decides) and the events it could be a fringe event of.
 */
export async function editContext(client: Client, slug: string) {
  const rows = unwrap(await client.rpc('event_edit_context', { p_slug: slug }));
  return {
    canEdit: rows[0]?.can_edit === true,
    parents: rows.flatMap((r) =>
      r.parent_id ? [{ id: r.parent_id, title: r.parent_title ?? '' }] : []
    )
  };
}

/** Events another can be a fringe event of: upcoming published events, soonest first. */
export async function parentChoices(client: Client, now = new Date()) {
  return unwrap(
    await client
      .from('events')
      .select('id, slug, title')
      .eq('status', 'published')
      .is('parent_event_id', null)
      .gte('ends_at', now.toISOString())
      .order('starts_at')
      .limit(100)
  );
}

/** Creates (no id) or edits an event in one call; returns its slug. */
export async function save(
  client: Client,
  input: EventInput,
  outcomeIds: string[],
  edit?: { id: string; version: number },
  slug = ''
) {
  return unwrap(
    await client.rpc('save_event', {
      p_slug: slug,
      p_kind: input.kind,
      p_title: input.title,
      p_starts_at: input.starts_at,
      p_ends_at: input.ends_at,
      p_status: input.status,
      p_id: edit?.id,
      p_version: edit?.version,
      p_summary: input.summary ?? undefined,
      p_description: input.description ?? undefined,
      p_venue: input.venue ?? undefined,
      p_is_online: input.is_online,
      p_capacity: input.capacity ?? undefined,
      p_registration_opens_at: input.registration_opens_at ?? undefined,
      p_registration_closes_at: input.registration_closes_at ?? undefined,
      p_workstream_id: input.workstream_id ?? undefined,
      p_parent_event_id: input.parent_event_id ?? undefined,
      p_outcome_ids: outcomeIds,
      p_organiser_handles: input.organisers,
      p_online_url: input.online_url ?? undefined,
      p_joining_instructions: input.joining_instructions ?? undefined
    })
  );
}

/** Cancels an event (against the version the organiser saw) and emails everyone registered. */
export async function cancel(client: Client, id: string, version: number) {
  return unwrap(await client.rpc('cancel_event', { p_id: id, p_version: version }));
}

/** Registers the signed-in member: a place, or the end of the waiting list. */
export async function register(client: Client, eventId: string) {
  return unwrap(await client.rpc('register_for_event', { p_event_id: eventId }));
}

/** Gives up the signed-in member's place (the next on the waiting list moves up). */
export async function cancelRegistration(client: Client, eventId: string) {
  return unwrap(await client.rpc('cancel_registration', { p_event_id: eventId }));
}

/** An event's name and id, for its organisers' pages (RLS decides if it is seen). */
export async function getSummary(client: Client, slug: string) {
  return unwrap(
    await client
      .from('events')
      .select(
        'id, slug, title, capacity, starts_at, ends_at, organiser_ids:event_organisers(user_id)'
      )
      .eq('slug', slug)
      .maybeSingle(),
    'No such event.'
  );
}

/**
 * Everyone registered, going first, then the waiting list in order, then those who
 * cancelled. `canSee` is false for anyone but the organisers and the steering group (the
 * database answers them with nothing at all, not even an empty list's header row).
 */
export async function registrationList(client: Client, eventId: string) {
  const rows = unwrap(await client.rpc('event_registrations', { p_event_id: eventId }));
  const allowed = rows.filter((r) => r.registration_id !== null);
  return { rows: allowed, canSee: rows.length > 0 };
}

/** The signed-in member's calendar feed token, or null before they asked for one. */
export async function calendarToken(client: Client, userId: string) {
  const result = await client
    .from('calendar_feeds')
    .select('token')
    .eq('user_id', userId)
    .maybeSingle();
  unwrapOk(result);
  return result.data?.token ?? null;
}

/** A new secret feed address for the signed-in member (the old one stops working). */
export async function resetCalendarToken(client: Client) {
  return unwrap(await client.rpc('reset_calendar_feed'));
}

/** Published (and cancelled) events that have not finished, for /events.ics. */
export async function upcomingForCalendar(client: Client): Promise<CalendarEvent[]> {
  return unwrap(await client.rpc('events_for_calendar', {}));
}

/** One event for its .ics file: cancelled ones too, so calendars learn of it. */
export async function getForCalendar(client: Client, slug: string): Promise<CalendarEvent> {
  return unwrap(
    await client.rpc('events_for_calendar', { p_slug: slug }).maybeSingle(),
    'No such event.'
  );
}

/** What a calendar entry is made from. */
export interface CalendarEvent {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  status: 'draft' | 'published' | 'cancelled';
  starts_at: string;
  ends_at: string;
  venue: string | null;
  is_online: boolean;
  version: number;
  updated_at: string;
}

/** The events a personal feed's owner is going to, or null for a token nobody has. */
export async function personalFeed(client: Client, token: string) {
  const result = await client.rpc('calendar_feed', { p_token: token });
  unwrapOk(result);
  const data = result.data;
  if (!Array.isArray(data)) return null;
  return data.flatMap((row): CalendarEvent[] => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) return [];
    const text = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : null);
    const id = text('id');
    const slug = text('slug');
    const title = text('title');
    const startsAt = text('starts_at');
    const endsAt = text('ends_at');
    const status = text('status');
    if (!id || !slug || !title || !startsAt || !endsAt) return [];
    return [
      {
        id,
        slug,
        title,
        summary: text('summary'),
        status: status === 'cancelled' ? 'cancelled' : 'published',
        starts_at: startsAt,
        ends_at: endsAt,
        venue: text('venue'),
        is_online: row.is_online === true,
        version: typeof row.version === 'number' ? row.version : 1,
        updated_at: text('updated_at') ?? startsAt
      }
    ];
  });
}
