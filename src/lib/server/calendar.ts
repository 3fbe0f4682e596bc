// iCalendar files for events (ical-generator): /events/<slug>.ics, /events.ics and each
// member's personal feed. Times are written on the London clock with TZID=Europe/London
// and its VTIMEZONE, so calendars show 09:30 as 09:30 either side of the clocks changing.
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarEvent } from './events.ts';

const ZONE = 'Europe/London';

// The rules for Europe/London since 1996 (EU summer time): last Sunday of March at 01:00
// UTC to last Sunday of October at 01:00 UTC.
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE'
].join('\r\n');

/** A calendar of events. `origin` is the site's address (links, and the UIDs' host). */
export function eventsCalendar(
  list: CalendarEvent[],
  options: { name: string; origin: string }
): string {
  const host = new URL(options.origin).hostname;
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Network Hub', product: 'events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: ZONE, generator: (tz) => (tz === ZONE ? LONDON_VTIMEZONE : null) }
  });
  for (const e of list) {
    const where = [e.venue, e.is_online ? 'Online' : null].filter(Boolean).join(' and ');
    calendar.createEvent({
      // Stable: the same event is the same calendar entry, however often it is fetched.
      id: `${e.id}@${host}`,
      // Each save bumps the version, so calendars replace what they imported.
      sequence: Math.max(0, e.version - 1),
      start: new TZDate(e.starts_at, ZONE),
      end: new TZDate(e.ends_at, ZONE),
      timezone: ZONE,
      stamp: new Date(e.updated_at),
      lastModified: new Date(e.updated_at),
      summary: e.status === 'cancelled' ? `Cancelled: ${e.title}` : e.title,
      description: e.summary ?? undefined,
      location: where || undefined,
      url: `${options.origin}/events/${e.slug}`,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
    });
  }
  return calendar.toString();
}

/** The response for a calendar file: text/calendar, not cached by shared caches. */
export function calendarResponse(body: string, fileName: string, privateFeed = false): Response {
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="${fileName.replace(/[^A-Za-z0-9._-]+/g, '-')}"`,
      'cache-control': privateFeed ? 'private, no-store' : 'public, max-age=300'
    }
  });
}
