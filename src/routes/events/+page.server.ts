import { formatRange } from '#lib/dates.ts';
import { placesText, type Attendance } from '#lib/event-programme.ts';
import { ENUMS, EVENT_KIND_CHOICES, eventKindTag } from '#lib/labels.ts';
import * as events from '#lib/server/events.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { choiceParam, pageCount, pageParam, slugParam } from '#lib/server/query.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

/** What a list shows of an event, with its dates in London time. */
function listed(e: events.ListItem, places?: Attendance) {
  return {
    slug: e.slug,
    title: e.title,
    summary: e.summary,
    kind: eventKindTag(e.kind),
    cancelled: e.status === 'cancelled',
    startsAt: e.starts_at,
    when: formatRange(e.starts_at, e.ends_at),
    where: [e.venue, e.is_online ? 'Online' : null].filter(Boolean).join(' and ') || null,
    places: e.status === 'cancelled' ? null : placesText(places)
  };
}

/** The events list with the same filters, upcoming or past. */
function listHref(filters: { kind?: string; outcome?: string }, past: boolean): string {
  const query = new URLSearchParams();
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.outcome) query.set('outcome', filters.outcome);
  if (past) query.set('when', 'past');
  const text = query.toString();
  return text ? `/events?${text}` : '/events';
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const past = choiceParam(url, 'when', ['past']) === 'past';
  const filters = {
    kind: choiceParam(url, 'kind', ENUMS.event_kind),
    outcome: slugParam(url, 'outcome')
  };
  const page = pageParam(url);
  const now = new Date();
  try {
    if (past) {
      // Past events only: one request (places left no longer matter).
      const { events: rows, total } = await events.list(
        locals.supabase,
        { ...filters, past: true },
        page,
        undefined,
        now
      );
      return {
        title: 'Past events',
        ...described('Camps, show-and-tells, meetups and workshops the network has held.'),
        past: true,
        events: rows.map((e) => listed(e)),
        total,
        recentPast: [],
        pastTotal: total,
        page,
        totalPages: pageCount(total),
        filters,
        upcomingHref: listHref(filters, false),
        pastHref: listHref(filters, true),
        kinds: EVENT_KIND_CHOICES
      };
    }
    // Upcoming (a page) and the latest past ones in parallel, then places left for the
    // upcoming ones: three requests.
    const [upcoming, recent] = await Promise.all([
      events.list(locals.supabase, filters, page, undefined, now),
      events.list(locals.supabase, { ...filters, past: true }, 1, events.RECENT_PAST_EVENTS, now)
    ]);
    const places = await events.attendance(
      locals.supabase,
      upcoming.events.filter((e) => e.status === 'published').map((e) => e.id)
    );
    return {
      title: 'Events',
      ...described(
        'Camps, show-and-tells, meetups and workshops coming up in the network: when, where and how to take part.'
      ),
      past: false,
      events: upcoming.events.map((e) => listed(e, places.get(e.id))),
      total: upcoming.total,
      recentPast: recent.events.map((e) => listed(e)),
      pastTotal: recent.total,
      page,
      totalPages: pageCount(upcoming.total),
      filters,
      upcomingHref: listHref(filters, false),
      pastHref: listHref(filters, true),
      kinds: EVENT_KIND_CHOICES
    };
  } catch (e) {
    failPage(e);
  }
};
