import type { Client } from './supabase.ts';
import { DataError, toDataError, unwrap } from './errors.ts';
import type { Database } from '#lib/database.types.ts';

export interface EventSummary {
  slug: string;
  title: string;
  kind: Database['public']['Enums']['event_kind'];
  starts_at: string;
  ends_at: string;
}

/** The next published events that have not finished yet, soonest first. */
export async function listUpcoming(client: Client, limit = 3, now = new Date()) {
  const rows: EventSummary[] = unwrap(
    await client
      .from('events')
      .select('slug, title, kind, starts_at, ends_at')
      .eq('status', 'published')
      .gte('ends_at', now.toISOString())
      .order('starts_at')
      .limit(limit)
  );
  return rows;
}

// ---------------------------------------------------------------------------------------
// Browse pages (/events, /events/[slug]). Added below the home page's listUpcoming.

export const EVENTS_PAGE_SIZE = 25;
/** Past events shown under the upcoming ones, before "See all past events". */
export const RECENT_PAST_EVENTS = 5;

type EventKind = Database['public']['Enums']['event_kind'];
type EventStatus = Database['public']['Enums']['event_status'];

export const EVENT_KINDS: { value: EventKind; text: string; className: string }[] = [
  { value: 'camp', text: 'Camp', className: 'govuk-tag--purple' },
  { value: 'show_and_tell', text: 'Show-and-tell', className: 'govuk-tag--turquoise' },
  { value: 'meetup', text: 'Meetup', className: 'govuk-tag--blue' },
  { value: 'workshop', text: 'Workshop', className: 'govuk-tag--light-blue' }
];

export function isEventKind(value: string): value is EventKind {
  return EVENT_KINDS.some((k) => k.value === value);
}

/** The kind tag's words and colour ("Show-and-tell", turquoise). */
export function eventKindTag(kind: string): { text: string; className: string } {
  const k = EVENT_KINDS.find((x) => x.value === kind);
  return k
    ? { text: k.text, className: k.className }
    : { text: 'Event', className: 'govuk-tag--grey' };
}

export interface EventListItem {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  kind: EventKind;
  status: EventStatus;
  starts_at: string;
  ends_at: string;
  venue: string | null;
  is_online: boolean;
  capacity: number | null;
}

const LIST_COLUMNS =
  'id, slug, title, summary, kind, status, starts_at, ends_at, venue, is_online, capacity';

/**
 * Events that have not finished (or, with `past`, that have), one page, with the total.
 * Published ones, and cancelled ones for members (RLS hides those from visitors); never
 * drafts, even to their organisers. Upcoming soonest first; past most recent first.
 */
export async function listPage(
  client: Client,
  filters: { kind?: EventKind; outcome?: string; past?: boolean },
  page: number,
  pageSize = EVENTS_PAGE_SIZE,
  now = new Date()
) {
  const from = (page - 1) * pageSize;
  const outcomeJoin = filters.outcome ? ', event_outcomes!inner(outcomes!inner(slug))' : '';
  let query = client
    .from('events')
    .select(`${LIST_COLUMNS}${outcomeJoin}`, { count: 'exact' })
    .in('status', ['published', 'cancelled']);
  if (filters.kind) query = query.eq('kind', filters.kind);
  if (filters.outcome) query = query.eq('event_outcomes.outcomes.slug', filters.outcome);
  query = filters.past
    ? query.lt('ends_at', now.toISOString()).order('starts_at', { ascending: false })
    : query.gte('ends_at', now.toISOString()).order('starts_at', { ascending: true });
  const result = await query.order('id').range(from, from + pageSize - 1);
  if (result.error) throw toDataError(result.error, result.status);
  return { events: (result.data ?? []) as unknown as EventListItem[], total: result.count ?? 0 };
}

export interface Attendance {
  capacity: number | null;
  going: number;
  waitlisted: number;
  places_left: number | null;
}

/** Places taken and left for some events, in one request (numbers only, never names). */
export async function attendance(client: Client, eventIds: string[]) {
  const byEvent = new Map<string, Attendance>();
  if (eventIds.length === 0) return byEvent;
  const rows = unwrap(await client.rpc('event_attendance', { p_event_ids: eventIds }));
  for (const row of rows) byEvent.set(row.event_id, row);
  return byEvent;
}

/** "12 places left", "No places left: 3 on the waiting list", or null when there is no limit. */
export function placesText(a: Attendance | undefined): string | null {
  if (!a || a.capacity === null || a.places_left === null) return null;
  if (a.places_left > 0)
    return a.places_left === 1 ? '1 place left' : `${a.places_left} places left`;
  return a.waitlisted > 0
    ? `No places left: ${a.waitlisted} on the waiting list`
    : 'No places left';
}

interface PersonRef {
  display_name: string;
  organisations?: { name: string } | null;
}

export interface EventSession {
  id: string;
  title: string;
  description: string | null;
  room: string | null;
  starts_at: string | null;
  ends_at: string | null;
  notes: string | null;
  session_presenters: { profiles: PersonRef | null }[];
  session_outputs: { outputs: { slug: string; title: string } | null }[];
}

export interface EventDetail extends EventListItem {
  description: string | null;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  workstream: { slug: string; title: string } | null;
  parent: { slug: string; title: string; starts_at: string; ends_at: string } | null;
  fringe: {
    slug: string;
    title: string;
    kind: EventKind;
    status: EventStatus;
    starts_at: string;
    ends_at: string;
  }[];
  event_organisers: { profiles: PersonRef | null }[];
  event_outcomes: { outcomes: { slug: string; title: string } | null }[];
  event_sessions: EventSession[];
  pitches: {
    id: string;
    title: string;
    description: string | null;
    withdrawn_at: string | null;
    session_id: string | null;
    pitcher: { display_name: string } | null;
    pitch_interests: { count: number }[];
  }[];
  /** Only asked for when someone is signed in (visitors may not read the table at all). */
  event_private_details?: { online_url: string | null; joining_instructions: string | null } | null;
}

const EVENT_DETAIL = `${LIST_COLUMNS}, description, registration_opens_at, registration_closes_at,
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

/**
 * One event with everything its page shows, in one request. The joining details (online
 * link) are asked for only for a signed-in member, and RLS gives them only to people
 * going, organisers and the steering group.
 */
export async function getBySlug(
  client: Client,
  slug: string,
  signedIn: boolean
): Promise<EventDetail> {
  const columns = signedIn
    ? `${EVENT_DETAIL}, event_private_details(online_url, joining_instructions)`
    : EVENT_DETAIL;
  const result = await client
    .from('events')
    .select(columns)
    .eq('slug', slug)
    .in('fringe.status', ['published', 'cancelled'])
    .order('starts_at', { referencedTable: 'fringe' })
    .order('created_at', { referencedTable: 'event_organisers' })
    .order('starts_at', { referencedTable: 'event_sessions', nullsFirst: false })
    .order('room', { referencedTable: 'event_sessions' })
    .order('created_at', { referencedTable: 'pitches' })
    .maybeSingle();
  if (result.error) throw toDataError(result.error, result.status);
  if (!result.data) throw new DataError('not_found', 'No such event.', 404);
  return result.data as unknown as EventDetail;
}

export interface GridCell {
  sessions: EventSession[];
}

export interface GridDay {
  /** London calendar date, "yyyy-MM-dd". */
  date: string;
  rooms: string[];
  blocks: { starts_at: string; ends_at: string | null; cells: GridCell[] }[];
}

/**
 * A camp's session grid: for each London day, rooms across and time blocks down. Sessions
 * with no room or start time cannot sit in the grid and are returned apart.
 */
export function sessionGrid(sessions: EventSession[], dayOf: (instant: string) => string) {
  const placed = sessions.filter((s) => s.room && s.starts_at);
  const unplaced = sessions.filter((s) => !(s.room && s.starts_at));
  const days = new Map<string, EventSession[]>();
  for (const s of placed) {
    const day = dayOf(s.starts_at!);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  const grid: GridDay[] = [...days.keys()].sort().map((date) => {
    const daySessions = days.get(date)!;
    const rooms = [...new Set(daySessions.map((s) => s.room!))].sort((a, b) =>
      a.localeCompare(b, 'en', { numeric: true })
    );
    const starts = [...new Set(daySessions.map((s) => Date.parse(s.starts_at!)))].sort(
      (a, b) => a - b
    );
    const blocks = starts.map((start) => {
      const inBlock = daySessions.filter((s) => Date.parse(s.starts_at!) === start);
      const ends = inBlock.flatMap((s) => (s.ends_at ? [Date.parse(s.ends_at)] : []));
      return {
        starts_at: new Date(start).toISOString(),
        ends_at: ends.length ? new Date(Math.max(...ends)).toISOString() : null,
        cells: rooms.map((room) => ({ sessions: inBlock.filter((s) => s.room === room) }))
      };
    });
    return { date, rooms, blocks };
  });
  return { days: grid, unplaced };
}

/** Open pitches, most wanted first (then oldest first), with their interest counts. */
export function pitchBoard(pitches: EventDetail['pitches']) {
  return pitches
    .filter((p) => !p.withdrawn_at)
    .map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      pitcher: p.pitcher?.display_name ?? null,
      scheduled: p.session_id !== null,
      interest: p.pitch_interests[0]?.count ?? 0
    }))
    .sort((a, b) => b.interest - a.interest);
}
