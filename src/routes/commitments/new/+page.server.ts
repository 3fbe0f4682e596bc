import * as filterOptions from '#lib/server/filter-options.ts';
import { requireMember } from '#lib/server/session.ts';
import { redirect } from '@sveltejs/kit';
import * as commitments from '#lib/server/commitments.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { parseWithOutcomes, refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { slugParam } from '#lib/server/query.ts';
import { todayInLondon } from '#lib/dates.ts';
import { commitmentSchema, defaultFirstCheckIn } from '#lib/validation/commitment.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = await requireMember(locals, url);
  try {
    const [options, placeable] = await Promise.all([
      filterOptions.list(locals.supabase),
      workstreams.placeableBy(locals.supabase, user.id)
    ]);
    // Closed workstreams take no new commitments.
    const choices = options.workstreams.filter((w) => w.status !== 'closed' && placeable(w.id));
    const slug = slugParam(url, 'workstream');
    const from = choices.find((w) => w.slug === slug);
    return {
      title: 'Make a commitment',
      ...described(
        'Say what you will do, so that others can help, follow it and reuse what it makes.'
      ),
      workstreams: choices,
      outcomeOptions: options.outcomes,
      defaults: {
        workstream_id: from?.id ?? '',
        visibility: 'public',
        next_check_in_on: defaultFirstCheckIn(todayInLondon())
      }
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    await requireMember(locals, `${url.pathname}${url.search}`);
    const formData = await request.formData();
    const form = parseWithOutcomes(commitmentSchema(todayInLondon()), formData);
    if (!form.ok) return form.failure;
    let id: string;
    try {
      id = await commitments.create(locals.supabase, form.data, form.outcomeIds);
    } catch (e) {
      return refused(
        e,
        { values: form.values, outcomes: form.outcomes },
        {
          forbidden: 'You can only make commitments of your own. Sign in again and try again.',
          explainedField: 'workstream_id',
          invalid: 'Some of your answers could not be saved. Check them and try again.'
        }
      );
    }
    redirect(303, `/commitments/${id}?made=1`);
  }
};
