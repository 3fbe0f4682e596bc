import { error, isHttpError } from '@sveltejs/kit';
import { SITE_NAME } from '$app/env/private';
import { calendarResponse, eventsCalendar } from '#lib/server/calendar.ts';
import * as events from '#lib/server/events.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { RequestHandler } from './$types';

/**
 * /calendar/<token>.ics: a member's personal feed of the events they are going to. No
 * session (calendar apps have none): the secret token is the key, checked by the database.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  try {
    const list = await events.personalFeed(locals.supabase, params.file);
    if (list === null)
      error(
        404,
        'No calendar feed has this address. It may have been reset: get the new one from your page.'
      );
    return calendarResponse(
      eventsCalendar(list, { name: `My events – ${SITE_NAME}`, origin: url.origin }),
      'my-events.ics',
      true
    );
  } catch (err) {
    if (isHttpError(err)) throw err;
    failPage(err);
  }
};
