import { fail, redirect } from '@sveltejs/kit';
import { requireMember } from '#lib/server/session.ts';
import * as eventSessions from '#lib/server/event-sessions.ts';
import { DataError } from '#lib/server/errors.ts';
import { refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import { parseForm } from '#lib/validation/form.ts';
import { blockInstants, slotSchema } from '#lib/validation/event-session.ts';
import type { Actions, PageServerLoad } from './$types';

// Organisers add an open slot to a show-and-tell (or any event that takes offers to show);
// a camp's sessions come from its pitching board instead.
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = await requireMember(locals, url.pathname);
  try {
    const e = await eventSessions.slotEvent(locals.supabase, params.slug);
    if (e.kind === 'camp') throw new DataError('not_found', 'Camps have no open slots.', 404);
    // The page is the organisers'; the database refuses anyone else's slot all the same.
    if (!e.event_organisers.some((o) => o.user_id === user.id))
      throw new DataError('forbidden', 'Only the organisers can add slots.', 403);
    return {
      title: `Add an open slot: ${e.title}`,
      ...described(`Add an open slot to the programme of ${e.title}.`),
      event: { slug: e.slug, title: e.title },
      dayChoices: eventSessions.eventDays(e.starts_at, e.ends_at)
    };
  } catch (err) {
    failPage(err);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(slotSchema, await request.formData());
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
    try {
      const e = await eventSessions.slotEvent(locals.supabase, params.slug);
      await eventSessions.addSlot(locals.supabase, e.id, {
        title: parsed.data.title,
        ...blockInstants(parsed.data)
      });
    } catch (e) {
      return refused(
        e,
        { values: parsed.values },
        {
          forbidden: 'Only the organisers can add slots to this event. The slot has not been added.'
        }
      );
    }
    redirect(303, `/events/${params.slug}/programme?added=1`);
  }
};
