import { currentUser } from '#lib/server/session.ts';
import { eventKindTag } from '#lib/labels.ts';
import { pitchBoard, placesText, sessionGrid, type Attendance } from '#lib/event-programme.ts';
import { fail, isRedirect, redirect } from '@sveltejs/kit';
import { toDataError } from '#lib/server/errors.ts';
import { requireMember } from '#lib/server/session.ts';
import { refused } from '#lib/server/form-actions.ts';
import { creditLine } from '#lib/credits.ts';
import { formatDate, formatDateTime, formatRange, todayInLondon } from '#lib/dates.ts';

import * as events from '#lib/server/events.ts';
import { nameList, sessionWhen } from '#lib/server/event-sessions.ts';

import { renderMarkdown } from '#lib/server/markdown.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import type { GridDayView } from '#lib/components/SessionGrid/SessionGrid.svelte';
import type { Actions, PageServerLoad } from './$types';

const names = (rows: { profiles: { display_name: string } | null }[]) =>
  rows.flatMap((r) => (r.profiles ? [r.profiles.display_name] : []));

/** A session as the page shows it, linking to its own page (notes, what came next). */
function shown(slug: string, s: events.Detail['event_sessions'][number]) {
  return {
    id: s.id,
    title: s.title,
    href: `/events/${slug}/sessions/${s.id}`,
    description: s.description,
    room: s.room,
    when: sessionWhen(s.starts_at, s.ends_at),
    starts_at: s.starts_at,
    ends_at: s.ends_at,
    notesHtml: renderMarkdown(s.notes),
    presenters: nameList(names(s.session_presenters)),
    outputs: s.session_outputs.flatMap((o) => (o.outputs ? [o.outputs] : []))
  };
}

/** "12 places. 3 places left", "No limit. 40 going", or, once it is over, "12 places. 9 went". */
function placesSummary(
  capacity: number | null,
  places: Attendance | undefined,
  state: 'upcoming' | 'over' | 'cancelled'
) {
  const going = places?.going ?? 0;
  const limit =
    capacity === null ? 'No limit' : `${capacity} ${capacity === 1 ? 'place' : 'places'}`;
  if (state === 'cancelled') return limit;
  if (state === 'over') return going ? `${limit}. ${going} went` : limit;
  const left = placesText(places);
  if (left) return `${limit}. ${left}`;
  return going ? `${limit}. ${going} going` : limit;
}

const upcomingAt = (endsAt: string, now: number) => Date.parse(endsAt) >= now;

/**
 * schema.org Event data for link previews and search engines. Serialised here, with `<`
 * escaped, so the page can put it in a `<script type="application/ld+json">` as data.
 */
function eventJsonLd(e: events.Detail, origin: string): string {
  const online = e.is_online;
  const place = e.venue ? { '@type': 'Place', name: e.venue, address: e.venue } : null;
  const virtual = { '@type': 'VirtualLocation', url: `${origin}/events/${e.slug}` };
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.summary ?? undefined,
    startDate: e.starts_at,
    endDate: e.ends_at,
    url: `${origin}/events/${e.slug}`,
    eventStatus:
      e.status === 'cancelled'
        ? 'https://schema.org/EventCancelled'
        : 'https://schema.org/EventScheduled',
    eventAttendanceMode:
      online && place
        ? 'https://schema.org/MixedEventAttendanceMode'
        : online
          ? 'https://schema.org/OnlineEventAttendanceMode'
          : 'https://schema.org/OfflineEventAttendanceMode',
    location: online && place ? [place, virtual] : online ? virtual : (place ?? undefined),
    organizer: { '@type': 'Organization', name: 'LocalGov Digital', url: origin }
  };
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = await currentUser(locals);
  try {
    // The event with everything embedded (its places computed with it), "before you go",
    // and for someone signed in their place and the joining details: three requests, in
    // parallel.
    const [e, related, mine] = await Promise.all([
      events.get(locals.supabase, params.slug),
      events.beforeYouGo(locals.supabase, params.slug),
      user ? events.myPlace(locals.supabase, params.slug) : null
    ]);
    const places = events.attendanceOf(e);
    const now = Date.now();
    const isOrganiser = !!user && e.organiser_ids.some((o) => o.user_id === user.id);
    const opensAt = e.registration_opens_at ? Date.parse(e.registration_opens_at) : null;
    const closesAt = e.registration_closes_at ? Date.parse(e.registration_closes_at) : null;
    // The same rules register_for_event enforces, so the page offers only what will work.
    const registration =
      e.status === 'cancelled'
        ? { state: 'cancelled' as const }
        : e.status === 'draft'
          ? { state: 'draft' as const }
          : !upcomingAt(e.ends_at, now)
            ? { state: 'over' as const }
            : opensAt !== null && now < opensAt
              ? { state: 'not_yet' as const, opens: formatDateTime(e.registration_opens_at!) }
              : closesAt !== null && now >= closesAt
                ? { state: 'closed' as const, closed: formatDateTime(e.registration_closes_at!) }
                : { state: 'open' as const };
    const myStatus =
      mine?.registration_status === 'going' || mine?.registration_status === 'waitlisted'
        ? { status: mine.registration_status, position: mine.waitlist_position }
        : null;
    const upcoming = Date.parse(e.ends_at) >= now;
    const isCamp = e.kind === 'camp';
    const sessions = e.event_sessions.map((s) => shown(e.slug, s));
    // How many said they'd go to a camp session: the interest in the pitches it came from.
    const interestIn = (id: string) =>
      e.pitches
        .filter((p) => p.session_id === id)
        .reduce((n, p) => n + (p.pitch_interests[0]?.count ?? 0), 0);
    const grid = isCamp ? sessionGrid(sessions, (at) => todayInLondon(new Date(at))) : null;
    const when = formatRange(e.starts_at, e.ends_at);
    return {
      title: e.title,
      // Previews name the date too; the layout writes every og: tag (src/lib/server/meta.ts).
      ogTitle: `${e.title}, ${when} (UK time)`,
      ...described(e.summary),
      jsonLd: eventJsonLd(e, url.origin),
      registration,
      mine: myStatus,
      related,
      event: {
        id: e.id,
        version: e.version,
        isOrganiser,
        waitlisted: places.waitlisted,
        placesLeft: places.places_left,
        slug: e.slug,
        title: e.title,
        summary: e.summary,
        descriptionHtml: renderMarkdown(e.description),
        kind: eventKindTag(e.kind),
        isCamp,
        isShowAndTell: e.kind === 'show_and_tell',
        status: e.status,
        upcoming,
        startsAt: e.starts_at,
        when,
        venue: e.venue,
        isOnline: e.is_online,
        placesText: placesSummary(
          e.capacity,
          places,
          e.status === 'cancelled' ? 'cancelled' : upcoming ? 'upcoming' : 'over'
        ),
        registrationCloses:
          upcoming && e.registration_closes_at && Date.parse(e.registration_closes_at) > now
            ? formatDateTime(e.registration_closes_at)
            : null,
        onlineUrl: mine?.online_url ?? null,
        joiningInstructions: mine?.joining_instructions ?? null,
        organiserCount: e.event_organisers.length,
        // Visitors see the names of organisers with public profiles; the rest are counted.
        organisers: creditLine({
          names: names(e.event_organisers),
          hidden: e.event_organisers.filter((o) => !o.profiles).length
        }),
        workstream: e.workstream,
        parent: e.parent
          ? { ...e.parent, when: formatRange(e.parent.starts_at, e.parent.ends_at) }
          : null,
        fringe: e.fringe.map((f) => ({
          slug: f.slug,
          title: f.title,
          kind: eventKindTag(f.kind),
          cancelled: f.status === 'cancelled',
          when: formatRange(f.starts_at, f.ends_at)
        })),
        outcomes: e.event_outcomes.flatMap((t) => (t.outcomes ? [t.outcomes] : []))
      },
      // D's SessionGrid shape; clashes are for organisers on the programme page.
      grid: grid
        ? {
            days: grid.days.map((d): GridDayView => ({
              label: formatDate(d.date),
              rooms: d.rooms,
              blocks: d.blocks.map((b) => ({
                when: sessionWhen(b.starts_at, b.ends_at) ?? '',
                cells: b.cells.map((c) =>
                  c.sessions.map((s) => ({
                    id: s.id,
                    title: s.title,
                    href: s.href,
                    presenters: s.presenters,
                    interest: interestIn(s.id),
                    clash: null
                  }))
                )
              }))
            })),
            unplaced: grid.unplaced
          }
        : null,
      // Show-and-tells, meetups and workshops: their slots as a list, in time order.
      slots: isCamp ? [] : sessions,
      notes: sessions.filter((s) => s.notesHtml),
      // The pitching board matters until the camp is over.
      pitches: isCamp && upcoming && e.status === 'published' ? pitchBoard(e.pitches) : []
    };
  } catch (err) {
    failPage(err);
  }
};

/**
 * The registration rules the database explains (closed, not open yet, cancelled, already
 * happened: raised as plain exceptions) in its own words; anything else as `refused` has it.
 */
function registrationRefused(e: unknown, action: string, forbidden: string) {
  const error = toDataError(e);
  if (error.code === 'P0001')
    return fail(400, {
      action,
      values: {},
      errors: [{ message: [error.message, error.hint].filter(Boolean).join(' ') }]
    });
  return refused(e, { values: {}, action }, { forbidden });
}

/** What a registration form posted: the event's id, re-read from the page. */
async function eventIdFor(locals: App.Locals, slug: string) {
  return (await events.get(locals.supabase, slug)).id;
}

export const actions: Actions = {
  register: async ({ locals, params, url }) => {
    await requireMember(locals, url.pathname);
    try {
      const reg = await events.register(locals.supabase, await eventIdFor(locals, params.slug));
      redirect(303, `/events/${params.slug}?${reg.status === 'going' ? 'going' : 'waitlisted'}=1`);
    } catch (e) {
      if (isRedirect(e)) throw e;
      return registrationRefused(e, 'register', 'Sign in again to register for this event.');
    }
  },
  cancel: async ({ locals, params, url }) => {
    await requireMember(locals, url.pathname);
    try {
      await events.cancelRegistration(locals.supabase, await eventIdFor(locals, params.slug));
    } catch (e) {
      return registrationRefused(e, 'cancel', 'Sign in again to change your registration.');
    }
    redirect(303, `/events/${params.slug}?cancelled=1`);
  }
};
