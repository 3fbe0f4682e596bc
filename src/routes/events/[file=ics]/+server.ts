import { SITE_NAME } from '$app/env/private';
import { calendarResponse, eventsCalendar } from '#lib/server/calendar.ts';
import * as events from '#lib/server/events.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { RequestHandler } from './$types';

/** /events/<slug>.ics: one event as an iCalendar file (cancelled ones say so). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  try {
    const e = await events.getForCalendar(locals.supabase, params.file);
    return calendarResponse(
      eventsCalendar([e], { name: `${e.title} – ${SITE_NAME}`, origin: url.origin }),
      `${e.slug}.ics`
    );
  } catch (err) {
    failPage(err);
  }
};
