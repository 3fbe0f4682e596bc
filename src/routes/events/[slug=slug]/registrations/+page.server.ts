import { error, isHttpError } from '@sveltejs/kit';
import { formatDateTime, formatRange } from '#lib/dates.ts';
import * as events from '#lib/server/events.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  await requireMember(locals, url);
  try {
    // The event, then its list: two requests. The list is empty to anyone but its
    // organisers and the steering group (the database decides), so say so.
    const e = await events.getSummary(locals.supabase, params.slug);
    const { rows, canSee } = await events.registrationList(locals.supabase, e.id);
    if (!canSee)
      error(
        403,
        'Only the organisers of an event and the steering group can see who is registered.',
        {
          kind: 'forbidden'
        }
      );
    const going = rows.filter((r) => r.status === 'going');
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    const shown = (r: (typeof rows)[number]) => ({
      id: r.registration_id,
      name: r.display_name,
      handle: r.handle,
      organisation: r.organisation,
      position: r.waitlist_position,
      registeredAt: formatDateTime(r.registered_at),
      cancelledAt: r.cancelled_at ? formatDateTime(r.cancelled_at) : null
    });
    return {
      title: `Who is registered for ${e.title}`,
      event: {
        slug: e.slug,
        title: e.title,
        capacity: e.capacity,
        when: formatRange(e.starts_at, e.ends_at)
      },
      going: going.map(shown),
      waiting: waiting.map(shown),
      cancelled: rows.filter((r) => r.status === 'cancelled').map(shown)
    };
  } catch (e) {
    if (isHttpError(e)) throw e;
    failPage(e);
  }
};
