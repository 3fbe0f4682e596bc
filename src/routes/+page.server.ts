import { formatDate, formatDateTime } from '#lib/dates.ts';
import * as events from '#lib/server/events.ts';
import * as home from '#lib/server/home.ts';
import * as outputs from '#lib/server/outputs.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { rememberSteering } from '#lib/server/role-hint.ts';
import { currentUser } from '#lib/server/session.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const user = await currentUser(locals);
  try {
    // Three independent reads, in parallel: one PostgREST request each. A signed-in member
    // gets what needs them (one call) in place of the workstream list.
    const [first, upcoming, latest] = await Promise.all([
      user ? home.forMe(locals.supabase) : workstreams.listActive(locals.supabase, 8),
      events.listUpcoming(locals.supabase, 3),
      outputs.listLatest(locals.supabase, 5)
    ]);
    // Dates are formatted here so the page ships no date library to the browser.
    const shared = {
      events: upcoming.map((event) => ({ ...event, when: formatDateTime(event.starts_at) })),
      outputs: latest
    };
    if ('workstreams' in first) {
      return {
        ...shared,
        home: null,
        workstreams: first.workstreams,
        workstreamsTotal: first.total
      };
    }
    if (user) rememberSteering(cookies, url, user.id, first.is_steering);
    return {
      ...shared,
      home: { ...first, sinceText: formatDate(first.since) },
      steering: first.is_steering,
      workstreams: [],
      workstreamsTotal: 0
    };
  } catch (e) {
    failPage(e);
  }
};
