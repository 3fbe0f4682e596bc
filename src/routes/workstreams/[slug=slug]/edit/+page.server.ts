import { error, isHttpError, redirect } from '@sveltejs/kit';
import { filterOptions, requireMember } from '#lib/server/commitments.ts';
import { toDataError } from '#lib/server/errors.ts';
import { editConflict, parseWithOutcomes, refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { getForEdit, isSteering, updateWorkstream } from '#lib/server/workstreams.ts';
import { editWorkstreamSchema } from '#lib/validation/workstream.ts';
import type { Actions, PageServerLoad } from './$types';

const ALL = [
  { value: 'proposed', text: 'Proposed', hint: 'Waiting for the steering group.' },
  { value: 'active', text: 'Active' },
  { value: 'paused', text: 'Paused', hint: 'Nothing is happening for now; it can be resumed.' },
  { value: 'closed', text: 'Closed', hint: 'Finished. Nobody can join; its record stays.' }
];

/** Leads cannot approve a proposal (or send a workstream back to proposed): steering can. */
function statusChoices(status: string, steering: boolean) {
  if (steering) return ALL;
  if (status === 'proposed') return ALL.filter((s) => s.value === 'proposed');
  return ALL.filter((s) => s.value !== 'proposed');
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = await requireMember(locals, url.pathname);
  try {
    const [workstream, options, steering] = await Promise.all([
      getForEdit(locals.supabase, params.slug),
      filterOptions(locals.supabase),
      isSteering(locals.supabase, user.id)
    ]);
    const lead = workstream.workstream_members.some(
      (m) => m.user_id === user.id && m.role === 'lead'
    );
    if (!lead && !steering) {
      error(403, 'Only the leads of a workstream and the steering group can edit it.', {
        kind: 'forbidden'
      });
    }
    return {
      workstream: {
        slug: workstream.slug,
        title: workstream.title,
        values: {
          title: workstream.title,
          purpose: workstream.purpose ?? '',
          description: workstream.description ?? '',
          status: workstream.status,
          version: String(workstream.version)
        },
        outcomes: workstream.workstream_outcomes.map((t) => t.outcome_id)
      },
      statuses: statusChoices(workstream.status, steering),
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
    const form = parseWithOutcomes(editWorkstreamSchema, formData);
    if (!form.ok) return form.failure;
    try {
      const current = await getForEdit(locals.supabase, params.slug);
      await updateWorkstream(locals.supabase, current.id, form.data, form.outcomeIds);
    } catch (e) {
      const dataError = toDataError(e);
      const conflict = await editConflict(
        dataError,
        async () => (await getForEdit(locals.supabase, params.slug)).version,
        'This workstream was changed by someone else since you opened it. Your changes below have not been saved. Check them and save again.',
        form
      );
      if (conflict) return conflict;
      return refused(
        dataError,
        { values: form.values, outcomes: form.outcomes },
        {
          forbidden: dataError.message.includes('steering group')
            ? `${dataError.message} Choose another status.`
            : 'Only the leads of a workstream and the steering group can edit it.',
          invalid: 'Some of your answers could not be saved. Check them and try again.'
        }
      );
    }
    redirect(303, `/workstreams/${params.slug}?saved=1`);
  }
};
