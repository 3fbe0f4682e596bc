import * as filterOptions from '#lib/server/filter-options.ts';
import { requireMember } from '#lib/server/session.ts';
import { fail, redirect } from '@sveltejs/kit';

import { toDataError } from '#lib/server/errors.ts';
import { parseWithOutcomes, refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { proposeWorkstreamSchema, slugify } from '#lib/validation/workstream.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  await requireMember(locals, '/workstreams/new');
  try {
    return {
      title: 'Propose a workstream',
      ...described('Propose an area of shared work for the network: the steering group opens it.'),
      outcomeOptions: (await filterOptions.list(locals.supabase)).outcomes
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    await requireMember(locals, '/workstreams/new');
    const formData = await request.formData();
    const form = parseWithOutcomes(proposeWorkstreamSchema, formData);
    if (!form.ok) return form.failure;
    let slug: string;
    try {
      slug = await workstreams.propose(
        locals.supabase,
        slugify(form.data.title),
        form.data,
        form.outcomeIds
      );
    } catch (e) {
      const error = toDataError(e);
      if (error.code === '23505') {
        return fail(409, {
          errors: [
            {
              field: 'title',
              message:
                'There is already a workstream with this title. Choose a different title, or join that workstream.'
            }
          ],
          values: form.values,
          outcomes: form.outcomes
        });
      }
      return refused(
        error,
        { values: form.values, outcomes: form.outcomes },
        {
          forbidden: 'Your proposal could not be saved. Sign in again and try again.',
          invalid: 'Some of your answers could not be saved. Check them and try again.'
        }
      );
    }
    redirect(303, `/workstreams/${slug}?proposed=1`);
  }
};
