import { formatDateTime } from '#lib/dates.ts';
import * as outputs from '#lib/server/outputs.ts';
import * as events from '#lib/server/events.ts';
import { failPage } from '#lib/server/page-errors.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  try {
    // Three independent reads, in parallel: one PostgREST request each.
    const [{ workstreams: active, total: workstreamsTotal }, upcoming, latest] = await Promise.all([
      workstreams.listActive(locals.supabase, 8),
      events.listUpcoming(locals.supabase, 3),
      outputs.listLatest(locals.supabase, 5)
    ]);
    // Dates are formatted here so the page ships no date library to the browser.
    return {
      workstreams: active,
      workstreamsTotal,
      events: upcoming.map((event) => ({ ...event, when: formatDateTime(event.starts_at) })),
      outputs: latest
    };
  } catch (e) {
    failPage(e);
  }
};
