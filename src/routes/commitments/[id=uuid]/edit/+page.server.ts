import { error, fail, isHttpError, redirect } from '@sveltejs/kit';
import {
  checked,
  filterOptions,
  getForEdit,
  refused,
  requireMember,
  update
} from '#lib/server/commitments.ts';
import { toDataError } from '#lib/server/errors.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { todayInLondon } from '#lib/dates.ts';
import { commitmentSchema, outcomeIds } from '#lib/validation/commitment.ts';
import { parseForm } from '#lib/validation/form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = await requireMember(locals, url.pathname);
  try {
    const [commitment, options] = await Promise.all([
      getForEdit(locals.supabase, params.id),
      filterOptions(locals.supabase)
    ]);
    if (commitment.owner_id !== user.id) {
      error(403, 'Only the owner of a commitment can edit it.', { kind: 'forbidden' });
    }
    return {
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
    const outcomes = checked(formData, 'outcome');
    const parsed = parseForm(commitmentSchema(todayInLondon(), { editing: true }), formData);
    const tags = outcomeIds.safeParse(outcomes);
    if (!parsed.ok || !tags.success) {
      const errors = parsed.ok ? [] : parsed.errors;
      if (!tags.success)
        errors.push({
          field: 'outcome',
          message: tags.error.issues[0]?.message ?? 'Select outcomes from the list'
        });
      return fail(400, { errors, values: parsed.values, outcomes });
    }
    try {
      await update(locals.supabase, params.id, parsed.data, tags.data);
    } catch (e) {
      const dataError = toDataError(e);
      if (dataError.kind === 'conflict' && dataError.code === 'PT409') {
        // Keep what they typed, against the latest version, so saving again works.
        let latest: string | undefined;
        try {
          latest = String((await getForEdit(locals.supabase, params.id)).version);
        } catch {
          latest = undefined;
        }
        return fail(409, {
          conflict: true,
          errors: [
            {
              message:
                'This commitment was changed by someone else (or in another tab) since you opened it. Your changes below have not been saved. Check them against the commitment and save again.'
            }
          ],
          values: { ...parsed.values, ...(latest ? { version: latest } : {}) },
          outcomes
        });
      }
      return refused(
        dataError,
        { values: parsed.values, outcomes },
        {
          forbidden:
            'Only the owner of a commitment can edit it. Your changes have not been saved.',
          invalid: 'Some of your answers could not be saved. Check them and try again.'
        }
      );
    }
    redirect(303, `/commitments/${params.id}`);
  }
};
