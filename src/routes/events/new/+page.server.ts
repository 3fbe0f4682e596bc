import { fail, redirect } from '@sveltejs/kit';
import * as events from '#lib/server/events.ts';
import * as filterOptions from '#lib/server/filter-options.ts';
import { parseWithOutcomes, refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import { EVENT_KIND_CHOICES } from '#lib/labels.ts';
import { eventInstants, eventSchema } from '#lib/validation/event.ts';
import { slugify } from '#lib/validation/workstream.ts';
import { eventSaveRefused } from '#lib/server/event-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  await requireMember(locals, url);
  try {
    const [options, parents] = await Promise.all([
      filterOptions.list(locals.supabase),
      events.parentChoices(locals.supabase)
    ]);
    return {
      title: 'Organise an event',
      kinds: EVENT_KIND_CHOICES,
      workstreams: options.workstreams.filter((w) => w.status !== 'closed'),
      outcomeOptions: options.outcomes,
      parents,
      defaults: { status: 'draft', starts_time: '10:00', ends_time: '16:00' }
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    await requireMember(locals, url);
    const form = parseWithOutcomes(eventSchema(), await request.formData());
    if (!form.ok) return form.failure;
    const checked = eventInstants(form.data);
    if (!checked.ok)
      return fail(400, { errors: checked.errors, values: form.values, outcomes: form.outcomes });
    let slug: string;
    try {
      slug = await events.save(
        locals.supabase,
        checked.data,
        form.outcomeIds,
        undefined,
        slugify(form.data.title)
      );
    } catch (e) {
      return (
        eventSaveRefused(e, form) ??
        refused(
          e,
          { values: form.values, outcomes: form.outcomes },
          {
            forbidden: 'You can only organise events as yourself. Sign in again and try again.',
            invalid: 'Some of your answers could not be saved. Check them and try again.'
          }
        )
      );
    }
    redirect(303, `/events/${slug}?saved=1`);
  }
};
