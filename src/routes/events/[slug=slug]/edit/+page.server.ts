import { error, fail, isHttpError, redirect } from '@sveltejs/kit';
import * as events from '#lib/server/events.ts';
import * as filterOptions from '#lib/server/filter-options.ts';
import { eventSaveRefused } from '#lib/server/event-form.ts';
import { editRefused, parseWithOutcomes, refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import { EVENT_KIND_CHOICES } from '#lib/labels.ts';
import { instantToLondon } from '#lib/london-time.ts';
import { parseForm } from '#lib/validation/form.ts';
import { cancelEventSchema, eventInstants, eventSchema } from '#lib/validation/event.ts';
import type { Actions, PageServerLoad } from './$types';

/** The stored event as the form shows it: London dates and times, handles, ticked tags. */
function formValues(e: events.ForEdit) {
  const split = (at: string | null, prefix: string) => {
    const local = at ? instantToLondon(at) : { date: '', time: '' };
    return { [`${prefix}_on`]: local.date, [`${prefix}_time`]: local.time };
  };
  return {
    title: e.title,
    kind: e.kind,
    summary: e.summary ?? '',
    description: e.description ?? '',
    ...split(e.starts_at, 'starts'),
    ...split(e.ends_at, 'ends'),
    venue: e.venue ?? '',
    is_online: e.is_online ? 'yes' : '',
    online_url: e.event_private_details?.online_url ?? '',
    joining_instructions: e.event_private_details?.joining_instructions ?? '',
    capacity: e.capacity === null ? '' : String(e.capacity),
    ...split(e.registration_opens_at, 'opens'),
    ...split(e.registration_closes_at, 'closes'),
    workstream_id: e.workstream_id ?? '',
    parent_event_id: e.parent_event_id ?? '',
    // The creator is always an organiser; the field lists the others.
    organisers: e.event_organisers
      .filter((o) => o.user_id !== e.created_by)
      .flatMap((o) => (o.profiles ? [o.profiles.handle] : []))
      .join(', '),
    status: e.status === 'published' ? 'published' : 'draft',
    version: String(e.version)
  };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  await requireMember(locals, url);
  try {
    const [e, options, context] = await Promise.all([
      events.getForEdit(locals.supabase, params.slug),
      filterOptions.list(locals.supabase),
      events.editContext(locals.supabase, params.slug)
    ]);
    if (!context.canEdit)
      error(403, 'Only the organisers of an event and the steering group can edit it.', {
        kind: 'forbidden'
      });
    return {
      title: `Edit ${e.title}`,
      event: {
        id: e.id,
        slug: e.slug,
        title: e.title,
        status: e.status,
        version: e.version,
        values: formValues(e),
        outcomes: e.event_outcomes.map((t) => t.outcome_id)
      },
      kinds: EVENT_KIND_CHOICES,
      workstreams: options.workstreams.filter(
        (w) => w.status !== 'closed' || w.id === e.workstream_id
      ),
      outcomeOptions: options.outcomes,
      parents: context.parents
    };
  } catch (e) {
    if (isHttpError(e)) throw e;
    failPage(e);
  }
};

const latestVersion = (locals: App.Locals, slug: string) => async () =>
  (await events.getForEdit(locals.supabase, slug)).version;

export const actions: Actions = {
  save: async ({ request, locals, params, url }) => {
    await requireMember(locals, url);
    const form = parseWithOutcomes(eventSchema({ editing: true }), await request.formData());
    if (!form.ok) return form.failure;
    const checked = eventInstants(form.data);
    if (!checked.ok)
      return fail(400, { errors: checked.errors, values: form.values, outcomes: form.outcomes });
    try {
      const current = await events.getForEdit(locals.supabase, params.slug);
      await events.save(locals.supabase, checked.data, form.outcomeIds, {
        id: current.id,
        version: Number(form.data.version)
      });
    } catch (e) {
      return (
        eventSaveRefused(e, form) ??
        editRefused(e, form, latestVersion(locals, params.slug), {
          conflict:
            'This event was changed by someone else (or in another tab) since you opened it. Your changes below have not been saved. Check them against the event and save again.',
          forbidden:
            'Only the organisers of an event and the steering group can edit it. Your changes have not been saved.'
        })
      );
    }
    redirect(303, `/events/${params.slug}?saved=1`);
  },
  cancelEvent: async ({ request, locals, params, url }) => {
    await requireMember(locals, url);
    const parsed = parseForm(cancelEventSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { errors: parsed.errors, values: parsed.values, action: 'cancelEvent' });
    try {
      const current = await events.getForEdit(locals.supabase, params.slug);
      await events.cancel(locals.supabase, current.id, parsed.data.version);
    } catch (e) {
      return refused(
        e,
        { values: parsed.values, action: 'cancelEvent' },
        {
          forbidden: 'Only the organisers of an event and the steering group can cancel it.',
          conflict:
            'This event was changed since you opened this page, so it has not been cancelled. Check the event and cancel it again.'
        }
      );
    }
    redirect(303, `/events/${params.slug}?event_cancelled=1`);
  }
};
