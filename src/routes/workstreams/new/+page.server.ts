import { fail, redirect } from '@sveltejs/kit';
import { checked, filterOptions, refused, requireMember } from '#lib/server/commitments.ts';
import { toDataError } from '#lib/server/errors.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { propose } from '#lib/server/workstreams.ts';
import { outcomeIds } from '#lib/validation/commitment.ts';
import { parseForm } from '#lib/validation/form.ts';
import { proposeWorkstreamSchema, slugify } from '#lib/validation/workstream.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  await requireMember(locals, '/workstreams/new');
  try {
    return { outcomeOptions: (await filterOptions(locals.supabase)).outcomes };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const user = await requireMember(locals, '/workstreams/new');
    const formData = await request.formData();
    const outcomes = checked(formData, 'outcome');
    const parsed = parseForm(proposeWorkstreamSchema, formData);
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
    let slug: string;
    try {
      slug = await propose(
        locals.supabase,
        user.id,
        slugify(parsed.data.title),
        parsed.data,
        tags.data
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
          values: parsed.values,
          outcomes
        });
      }
      return refused(
        error,
        { values: parsed.values, outcomes },
        {
          forbidden: 'Your proposal could not be saved. Sign in again and try again.',
          invalid: 'Some of your answers could not be saved. Check them and try again.'
        }
      );
    }
    redirect(303, `/workstreams/${slug}?proposed=1`);
  }
};
