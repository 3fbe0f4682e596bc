import { formatDateTime } from '#lib/dates.ts';
import { listLatest } from '#lib/server/outputs.ts';
import { listUpcoming } from '#lib/server/events.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { listActive } from '#lib/server/workstreams.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  try {
    // Three independent reads, in parallel: one PostgREST request each.
    const [{ workstreams, total: workstreamsTotal }, events, outputs] = await Promise.all([
      listActive(locals.supabase, 8),
      listUpcoming(locals.supabase, 3),
      listLatest(locals.supabase, 5)
    ]);
    // Dates are formatted here so the page ships no date library to the browser.
    return {
      workstreams,
      workstreamsTotal,
      events: events.map((event) => ({ ...event, when: formatDateTime(event.starts_at) })),
      outputs
    };
  } catch (e) {
    failPage(e);
  }
};
