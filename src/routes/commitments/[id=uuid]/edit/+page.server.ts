import * as filterOptions from '#lib/server/filter-options.ts';
import { requireMember } from '#lib/server/session.ts';
import { error, isHttpError, redirect } from '@sveltejs/kit';
import * as commitments from '#lib/server/commitments.ts';
import { editRefused, parseWithOutcomes } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { todayInLondon } from '#lib/dates.ts';
import { commitmentSchema } from '#lib/validation/commitment.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = await requireMember(locals, url.pathname);
  try {
    const [commitment, options] = await Promise.all([
      commitments.getForEdit(locals.supabase, params.id),
      filterOptions.list(locals.supabase)
    ]);
    if (commitment.owner_id !== user.id) {
      error(403, 'Only the owner of a commitment can edit it.', { kind: 'forbidden' });
    }
    return {
      title: 'Edit your commitment',
      ...described(`Change what you committed to: ${commitment.title}`),
      commitment: {
        id: commitment.id,
        title: commitment.title,
        values: {
          title: commitment.title,
          due_on: commitment.due_on ?? '',
          so_that: commitment.so_that ?? '',
          description: commitment.description ?? '',
          workstream_id: commitment.workstream_id ?? '',
          visibility: commitment.visibility,
          version: String(commitment.version)
        },
        outcomes: commitment.commitment_outcomes.map((t) => t.outcome_id)
      },
      workstreams: options.workstreams.filter(
        (w) => w.status !== 'closed' || w.id === commitment.workstream_id
      ),
      outcomeOptions: options.outcomes
    };
  } catch (e) {
    if (isHttpError(e)) throw e;
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const formData = await request.formData();
    const form = parseWithOutcomes(commitmentSchema(todayInLondon(), { editing: true }), formData);
    if (!form.ok) return form.failure;
    try {
      await commitments.update(locals.supabase, params.id, form.data, form.outcomeIds);
    } catch (e) {
      return editRefused(
        e,
        form,
        async () => (await commitments.getForEdit(locals.supabase, params.id)).version,
        {
          conflict:
            'This commitment was changed by someone else (or in another tab) since you opened it. Your changes below have not been saved. Check them against the commitment and save again.',
          forbidden:
            'Only the owner of a commitment can edit it. Your changes have not been saved.',
          explainedField: 'workstream_id'
        }
      );
    }
    redirect(303, `/commitments/${params.id}`);
  }
};
