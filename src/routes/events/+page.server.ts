import { formatRange } from '#lib/dates.ts';
import {
  attendance,
  EVENT_KINDS,
  EVENTS_PAGE_SIZE,
  eventKindTag,
  isEventKind,
  listPage,
  placesText,
  RECENT_PAST_EVENTS,
  type Attendance,
  type EventListItem
} from '#lib/server/events.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { PageServerLoad } from './$types';

/** What a list shows of an event, with its dates in London time. */
function listed(e: EventListItem, places?: Attendance) {
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
  const kind = url.searchParams.get('kind') ?? '';
  const outcome = url.searchParams.get('outcome')?.trim() ?? '';
  const past = url.searchParams.get('when') === 'past';
  const filters = {
    kind: isEventKind(kind) ? kind : undefined,
    outcome: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(outcome) && outcome.length <= 100 ? outcome : undefined
  };
  const page = Math.max(
    1,
    Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
  );
  const now = new Date();
  try {
    if (past) {
      // Past events only: one request (places left no longer matter).
      const { events, total } = await listPage(
        locals.supabase,
        { ...filters, past: true },
        page,
        EVENTS_PAGE_SIZE,
        now
      );
      return {
        past: true,
        events: events.map((e) => listed(e)),
        total,
        recentPast: [],
        pastTotal: total,
        page,
        totalPages: Math.max(1, Math.ceil(total / EVENTS_PAGE_SIZE)),
        filters,
        upcomingHref: listHref(filters, false),
        pastHref: listHref(filters, true),
        kinds: EVENT_KINDS.map(({ value, text }) => ({ value, text }))
      };
    }
    // Upcoming (a page) and the latest past ones in parallel, then places left for the
    // upcoming ones: three requests.
    const [upcoming, recent] = await Promise.all([
      listPage(locals.supabase, filters, page, EVENTS_PAGE_SIZE, now),
      listPage(locals.supabase, { ...filters, past: true }, 1, RECENT_PAST_EVENTS, now)
    ]);
    const places = await attendance(
      locals.supabase,
      upcoming.events.filter((e) => e.status === 'published').map((e) => e.id)
    );
    return {
      past: false,
      events: upcoming.events.map((e) => listed(e, places.get(e.id))),
      total: upcoming.total,
      recentPast: recent.events.map((e) => listed(e)),
      pastTotal: recent.total,
      page,
      totalPages: Math.max(1, Math.ceil(upcoming.total / EVENTS_PAGE_SIZE)),
      filters,
      upcomingHref: listHref(filters, false),
      pastHref: listHref(filters, true),
      kinds: EVENT_KINDS.map(({ value, text }) => ({ value, text }))
    };
  } catch (e) {
    failPage(e);
  }
};
