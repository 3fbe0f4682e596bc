import * as filterOptions from '#lib/server/filter-options.ts';
import { requireMember } from '#lib/server/session.ts';
import { error, isHttpError, redirect } from '@sveltejs/kit';

import { toDataError } from '#lib/server/errors.ts';
import { editRefused, parseWithOutcomes } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { editWorkstreamSchema } from '#lib/validation/workstream.ts';
import { WORKSTREAM_STATUS_CHOICES } from '#lib/labels.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

const HINTS: Record<string, string> = {
  proposed: 'Waiting for the steering group.',
  paused: 'Nothing is happening for now; it can be resumed.',
  closed: 'Finished. Nobody can join; its record stays.'
};
const ALL = WORKSTREAM_STATUS_CHOICES.map((c) =>
  HINTS[c.value] ? { ...c, hint: HINTS[c.value] } : c
);

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
      workstreams.getForEdit(locals.supabase, params.slug),
      filterOptions.list(locals.supabase),
      workstreams.isSteering(locals.supabase, user.id)
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
      title: `Edit ${workstream.title}`,
      ...described(`Change the workstream’s purpose, description, status and outcome tags.`),
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
      const current = await workstreams.getForEdit(locals.supabase, params.slug);
      await workstreams.update(locals.supabase, current.id, form.data, form.outcomeIds);
    } catch (e) {
      const dataError = toDataError(e);
      return editRefused(
        dataError,
        form,
        async () => (await workstreams.getForEdit(locals.supabase, params.slug)).version,
        {
          conflict:
            'This workstream was changed by someone else since you opened it. Your changes below have not been saved. Check them and save again.',
          forbidden: dataError.message.includes('steering group')
            ? `${dataError.message} Choose another status.`
            : 'Only the leads of a workstream and the steering group can edit it.'
        }
      );
    }
    redirect(303, `/workstreams/${params.slug}?saved=1`);
  }
};
