import { SITE_NAME } from '$app/env/private';
import { calendarResponse, eventsCalendar } from '#lib/server/calendar.ts';
import * as events from '#lib/server/events.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { RequestHandler } from './$types';

/** /events.ics: every upcoming published event (and cancelled ones, marked so). */
export const GET: RequestHandler = async ({ locals, url }) => {
  try {
    const list = await events.upcomingForCalendar(locals.supabase);
    return calendarResponse(
      eventsCalendar(list, { name: `Events – ${SITE_NAME}`, origin: url.origin }),
      'events.ics'
    );
  } catch (err) {
    failPage(err);
  }
};
