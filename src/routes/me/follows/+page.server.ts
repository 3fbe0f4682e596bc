// Following from a workstream or outcome page (FollowForm posts here), and the list of
// what the member follows.
import { fail, redirect } from '@sveltejs/kit';
import * as emailSettings from '#lib/server/email/settings.ts';
import { refused } from '#lib/server/form-actions.ts';
import { described } from '#lib/server/meta.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import { safeNext } from '#lib/safe-next.ts';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, url }) => {
  await requireMember(locals, url);
  try {
    return {
      follows: await emailSettings.list(locals.supabase),
      title: 'What you follow',
      ...described('The workstreams and outcomes whose news comes in your digest.')
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await request.formData();
    const next = safeNext(String(form.get('next') ?? ''), '/me/follows');
    await requireMember(locals, next || url.pathname);
    const workstreamId = String(form.get('workstream_id') ?? '');
    const outcomeId = String(form.get('outcome_id') ?? '');
    const target = UUID.test(workstreamId)
      ? { workstreamId }
      : UUID.test(outcomeId)
        ? { outcomeId }
        : null;
    if (!target)
      return fail(400, {
        errors: [{ message: 'We could not tell what you wanted to follow. Go back and try again.' }]
      });
    try {
      if (form.get('follow') === 'no') await emailSettings.unfollow(locals.supabase, target);
      else await emailSettings.follow(locals.supabase, target);
    } catch (e) {
      return refused(
        e,
        { values: {} },
        { forbidden: 'You cannot follow that. Sign in again and try once more.' }
      );
    }
    redirect(303, next);
  }
};
