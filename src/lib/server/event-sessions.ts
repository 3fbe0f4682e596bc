// An event's sessions: the camp pitching board, the programme (a camp's grid, a
// show-and-tell's slots and offers to show), and one session's notes and what next.
// Reads are one request each (plus, in parallel, what only some readers need); every
// write that touches more than one row is one database function
// (supabase/migrations/20261201001300_event_sessions.sql).
import type { Client } from './supabase.ts';
import { DataError, unwrap, unwrapOk } from './errors.ts';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { addDaysTo, formatDate, formatTime, todayInLondon } from '#lib/dates.ts';

// No real member has this id: filters an embed to "nobody" for a visitor.
const NOBODY = '00000000-0000-0000-0000-000000000000';

const BOARD = `id, slug, title, kind, status, starts_at, ends_at,
  event_organisers(user_id),
  event_sessions(room, starts_at, ends_at),
  pitches(id, title, description, withdrawn_at, session_id, created_at,
    pitcher:profiles!pitches_pitched_by_fkey(display_name), pitch_interests(count),
    mine:pitch_interests(user_id))`;

/** A camp's pitching board: its pitches with interest counts and whether I'd go. */
export async function board(client: Client, slug: string, userId: string | null) {
  const result = await client
    .from('events')
    .select(BOARD)
    .eq('slug', slug)
    .eq('pitches.mine.user_id', userId ?? NOBODY)
    .order('created_at', { referencedTable: 'pitches' })
    .maybeSingle();
  return unwrap(result, 'No such event.');
}

export type Board = Awaited<ReturnType<typeof board>>;

const PROGRAMME = `id, slug, title, kind, status, starts_at, ends_at,
  event_organisers(user_id),
  event_sessions(id, title, description, room, starts_at, ends_at, what_next, commitment_id,
    session_presenters(user_id, profiles(display_name)),
    session_outputs(outputs(slug, title)),
    shows:commitments!event_sessions_shows_commitment_id_fkey(id, title),
    pitches(pitch_interests(count)))`;

/** An event with its sessions, presenters, linked outputs and commitments, and interest. */
export async function programme(client: Client, slug: string) {
  const result = await client
    .from('events')
    .select(PROGRAMME)
    .eq('slug', slug)
    .order('starts_at', { referencedTable: 'event_sessions', nullsFirst: false })
    .order('room', { referencedTable: 'event_sessions' })
    .maybeSingle();
  return unwrap(result, 'No such event.');
}

export type Programme = Awaited<ReturnType<typeof programme>>;
export type ProgrammeSession = Programme['event_sessions'][number];

/** Presenters in two places at once, and rooms double-booked, in an event's sessions. */
export async function clashes(client: Client, slug: string) {
  return unwrap(await client.rpc('session_clashes', { p_event_slug: slug }));
}

/** Offers to show at an event that the reader may see: their own, or all for organisers. */
export async function offers(client: Client, slug: string) {
  return unwrap(
    await client
      .from('show_offers')
      .select(
        'id, title, description, status, offered_by, session_id, created_at, offerer:profiles(display_name), outputs(slug, title), commitments(id, title), events!inner()'
      )
      .eq('events.slug', slug)
      .order('created_at')
  );
}

export type Offer = Awaited<ReturnType<typeof offers>>[number];

/**
 * What a member may link to an offer to show, in one request: their published outputs and
 * their open commitments.
 */
export async function myWork(client: Client, userId: string) {
  const me = unwrap(
    await client
      .from('profiles')
      .select(
        'outputs!outputs_created_by_fkey(id, title, status), commitments!commitments_owner_id_fkey(id, title, status, archived_at)'
      )
      .eq('id', userId)
      .eq('outputs.status', 'published')
      .in('commitments.status', ['planned', 'in_progress', 'blocked'])
      .is('commitments.archived_at', null)
      .order('title', { referencedTable: 'outputs' })
      .order('title', { referencedTable: 'commitments' })
      .limit(100, { referencedTable: 'outputs' })
      .limit(100, { referencedTable: 'commitments' })
      .maybeSingle(),
    'No such member.'
  );
  return { outputs: me.outputs, commitments: me.commitments };
}

const SESSION = `id, slug, title, kind, status, starts_at, ends_at,
  event_organisers(user_id),
  event_sessions!inner(id, title, description, room, starts_at, ends_at, notes, what_next, version,
    commitment:commitments!event_sessions_commitment_id_fkey(id, title),
    shows:commitments!event_sessions_shows_commitment_id_fkey(id, title),
    session_presenters(user_id, profiles(display_name)),
    session_outputs(outputs(slug, title)),
    pitches(id, pitch_interests(count)))`;

/** One session of an event, with its notes and what they led to. */
export async function session(client: Client, slug: string, id: string) {
  const result = await client
    .from('events')
    .select(SESSION)
    .eq('slug', slug)
    .eq('event_sessions.id', id)
    .maybeSingle();
  const e = unwrap(result, 'No such session.');
  const s = e.event_sessions[0];
  if (!s) throw new DataError('not_found', 'No such session.', 404);
  return { event: e, session: s };
}

/** An event as the "add an open slot" page needs it: its days and its organisers. */
export async function slotEvent(client: Client, slug: string) {
  return unwrap(
    await client
      .from('events')
      .select('id, slug, title, kind, starts_at, ends_at, event_organisers(user_id)')
      .eq('slug', slug)
      .maybeSingle(),
    'No such event.'
  );
}

/** Whether the signed-in member may write a session's notes. */
export async function canWriteNotes(client: Client, id: string) {
  return unwrap(await client.rpc('can_write_session_notes', { p_session_id: id })) === true;
}

/** The session's current version, to show a conflicting edit against. */
export async function notesVersion(client: Client, id: string) {
  return unwrap(
    await client.from('event_sessions').select('version').eq('id', id).maybeSingle(),
    'No such session.'
  ).version;
}

// ---------------------------------------------------------------------------------------
// Writes

export async function pitch(
  client: Client,
  eventId: string,
  input: { title: string; description: string | null }
) {
  unwrapOk(await client.from('pitches').insert({ event_id: eventId, ...input }));
}

/** "I'd go", or not any more. Returns whether the member is now interested. */
export async function toggleInterest(client: Client, pitchId: string) {
  return unwrap(await client.rpc('toggle_pitch_interest', { p_pitch_id: pitchId }));
}

export async function place(
  client: Client,
  pitchId: string,
  at: { room: string; startsAt: string; endsAt: string }
) {
  return unwrap(
    await client.rpc('place_pitch', {
      p_pitch_id: pitchId,
      p_room: at.room,
      p_starts_at: at.startsAt,
      p_ends_at: at.endsAt
    })
  );
}

export async function offer(
  client: Client,
  eventId: string,
  input: {
    title: string;
    description: string | null;
    output_id: string | null;
    commitment_id: string | null;
  }
) {
  unwrapOk(await client.from('show_offers').insert({ event_id: eventId, ...input }));
}

/** An offer's decision was written, or it had been decided already (or is not the writer's). */
function stillOpen(result: { data: { id: string } | null; error: unknown; status?: number }) {
  unwrapOk(result);
  if (!result.data)
    throw new DataError(
      'conflict',
      'That offer has already been decided, or is not yours to change.',
      409,
      'PT409'
    );
}

/** The person offering takes back an offer still waiting for the organisers. */
export async function withdraw(client: Client, offerId: string) {
  stillOpen(
    await client
      .from('show_offers')
      .update({ status: 'withdrawn' })
      .eq('id', offerId)
      .eq('status', 'open')
      .select('id')
      .maybeSingle()
  );
}

/** Accepts an offer into an open slot, or into a new slot at a time. */
export async function accept(
  client: Client,
  offerId: string,
  slot: { sessionId: string } | { startsAt: string; endsAt: string }
) {
  return unwrap(
    await client.rpc(
      'accept_show_offer',
      'sessionId' in slot
        ? { p_offer_id: offerId, p_session_id: slot.sessionId }
        : { p_offer_id: offerId, p_starts_at: slot.startsAt, p_ends_at: slot.endsAt }
    )
  );
}

export async function decline(client: Client, offerId: string) {
  stillOpen(
    await client
      .from('show_offers')
      .update({ status: 'declined', decided_at: new Date().toISOString() })
      .eq('id', offerId)
      .eq('status', 'open')
      .select('id')
      .maybeSingle()
  );
}

/** Saves notes against the version the writer opened (a stale one is refused, PT409). */
export async function saveNotes(
  client: Client,
  id: string,
  input: { notes: string | null; what_next: string | null; version: number }
) {
  const result = await client
    .from('event_sessions')
    .update(input)
    .eq('id', id)
    .select('id')
    .maybeSingle();
  unwrapOk(result);
  // Row Level Security hid the row from the update: not a presenter, organiser or going.
  if (!result.data)
    throw new DataError('forbidden', 'You cannot write notes for this session.', 403);
}

/** An organiser's open slot at a show-and-tell, for offers to be accepted into. */
export async function addSlot(
  client: Client,
  eventId: string,
  input: { title: string; startsAt: string; endsAt: string }
) {
  unwrapOk(
    await client.from('event_sessions').insert({
      event_id: eventId,
      title: input.title,
      starts_at: input.startsAt,
      ends_at: input.endsAt
    })
  );
}

/** Changes a session's title, room and time against the version the editor opened (PT409 if stale). */
export async function edit(
  client: Client,
  id: string,
  input: { title: string; room: string | null; startsAt: string; endsAt: string; version: number }
) {
  const result = await client
    .from('event_sessions')
    .update({
      title: input.title,
      room: input.room,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      version: input.version
    })
    .eq('id', id)
    .select('id')
    .maybeSingle();
  unwrapOk(result);
  if (!result.data) throw new DataError('forbidden', 'You cannot change this session.', 403);
}

/**
 * Takes a session off the grid: a camp pitch goes back to "not yet in the grid", an offer
 * accepted into a slot is open again. A session with notes is refused (PT409).
 */
export async function remove(client: Client, id: string) {
  unwrapOk(await client.rpc('remove_session', { p_session_id: id }));
}

/** Turns the session's what next into a commitment of the member's. Returns its id. */
export async function commit(
  client: Client,
  id: string,
  input: { title: string; so_that: string | null }
) {
  const made = unwrap(
    await client.rpc('commit_to_session', {
      p_session_id: id,
      p_title: input.title,
      ...(input.so_that ? { p_so_that: input.so_that } : {})
    })
  );
  return made.id;
}

// ---------------------------------------------------------------------------------------
// What pages show

/** The London days an event runs on, for a "day" select: value "yyyy-MM-dd". */
export function eventDays(startsAt: string, endsAt: string) {
  const last = todayInLondon(new Date(endsAt));
  const days: { value: string; text: string }[] = [];
  for (let d = todayInLondon(new Date(startsAt)); d <= last && days.length < 14;) {
    days.push({ value: d, text: formatDate(d) });
    d = addDaysTo(d, 1);
  }
  return days;
}

/** "10am to 10:50am", "10am", or null for a session with no time yet. */
export function sessionWhen(startsAt: string | null, endsAt: string | null) {
  if (!startsAt) return null;
  return endsAt ? `${formatTime(startsAt)} to ${formatTime(endsAt)}` : formatTime(startsAt);
}

/** "14:30": a session's London clock time, as the time fields take it. */
export function londonClock(at: string) {
  return format(new TZDate(at, 'Europe/London'), 'HH:mm');
}

/** "Ana, Ben and Cy", or an empty string. */
export function nameList(names: string[]) {
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    : (names[0] ?? '');
}

/** Whether people can still pitch, offer or mark interest: published and not over. */
export function isOpen(e: { status: string; ends_at: string }, now = Date.now()) {
  return e.status === 'published' && Date.parse(e.ends_at) >= now;
}
