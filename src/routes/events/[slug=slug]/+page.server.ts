import { currentUser } from '#lib/server/session.ts';
import { eventKindTag } from '#lib/labels.ts';
import { pitchBoard, placesText, sessionGrid, type Attendance } from '#lib/event-programme.ts';
import { creditLine } from '#lib/credits.ts';
import { formatDate, formatDateTime, formatRange, formatTime, todayInLondon } from '#lib/dates.ts';

import * as events from '#lib/server/events.ts';

import { renderMarkdown } from '#lib/server/markdown.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

const names = (rows: { profiles: { display_name: string } | null }[]) =>
  rows.flatMap((r) => (r.profiles ? [r.profiles.display_name] : []));

/** A session as the page shows it: presenters by name, linked outputs it may show. */
function shown(s: events.Detail['event_sessions'][number]) {
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    room: s.room,
    when: s.starts_at
      ? s.ends_at
        ? `${formatTime(s.starts_at)} to ${formatTime(s.ends_at)}`
        : formatTime(s.starts_at)
      : null,
    startsAt: s.starts_at,
    notesHtml: renderMarkdown(s.notes),
    presenters: names(s.session_presenters),
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

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = await currentUser(locals);
  try {
    // The event with everything embedded and (for someone signed in) its joining details
    // in parallel, then its places: three requests at most, two after each other.
    const [e, joining] = await Promise.all([
      events.get(locals.supabase, params.slug),
      user ? events.getJoiningDetails(locals.supabase, params.slug) : null
    ]);
    const places = (await events.attendance(locals.supabase, [e.id])).get(e.id);
    const now = Date.now();
    const upcoming = Date.parse(e.ends_at) >= now;
    const isCamp = e.kind === 'camp';
    const grid = isCamp ? sessionGrid(e.event_sessions, (at) => todayInLondon(new Date(at))) : null;
    return {
      title: e.title,
      ...described(e.summary),
      event: {
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
        when: formatRange(e.starts_at, e.ends_at),
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
        onlineUrl: joining?.online_url ?? null,
        joiningInstructions: joining?.joining_instructions ?? null,
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
      grid: grid
        ? {
            days: grid.days.map((d) => ({
              label: formatDate(d.date),
              rooms: d.rooms,
              blocks: d.blocks.map((b) => ({
                when: b.ends_at
                  ? `${formatTime(b.starts_at)} to ${formatTime(b.ends_at)}`
                  : formatTime(b.starts_at),
                cells: b.cells.map((c) => c.sessions.map(shown))
              }))
            })),
            unplaced: grid.unplaced.map(shown)
          }
        : null,
      // Show-and-tells, meetups and workshops: their slots as a list, in time order.
      slots: isCamp ? [] : e.event_sessions.map(shown),
      notes: e.event_sessions.filter((s) => s.notes).map(shown),
      // The pitching board matters until the camp is over.
      pitches: isCamp && upcoming && e.status === 'published' ? pitchBoard(e.pitches) : []
    };
  } catch (err) {
    failPage(err);
  }
};
