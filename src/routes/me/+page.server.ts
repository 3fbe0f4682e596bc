import { fail } from '@sveltejs/kit';
import { requireMember } from '#lib/server/session.ts';
import * as commitments from '#lib/server/commitments.ts';
import * as notifications from '#lib/server/notifications.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { parseForm } from '#lib/validation/form.ts';
import { notificationSchema } from '#lib/validation/workstream.ts';
import { MY_WORK } from '#lib/page-names.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const user = await requireMember(locals, '/me');
  try {
    const [mine, watched, { memberships, notifications: told }] = await Promise.all([
      commitments.listMine(locals.supabase, user.id),
      commitments.listWatched(locals.supabase, user.id),
      workstreams.listMine(locals.supabase, user.id)
    ]);
    return {
      title: MY_WORK.text,
      ...described('Your commitments, the ones you watch, your workstreams and what needs you.'),
      mine,
      watched,
      workstreams: memberships,
      notifications: told
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  dismiss: async ({ request, locals }) => {
    await requireMember(locals, '/me');
    const parsed = parseForm(notificationSchema, await request.formData());
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
    try {
      await notifications.dismiss(locals.supabase, parsed.data.notification_id);
    } catch (e) {
      return refused(
        e,
        { values: parsed.values },
        { forbidden: 'You can only dismiss your own notifications.' }
      );
    }
    return { success: 'The notification has been dismissed' };
  }
};
