import { redirect } from '@sveltejs/kit';
import * as filterOptions from '#lib/server/filter-options.ts';
import { refused } from '#lib/server/form-actions.ts';
import { described } from '#lib/server/meta.ts';
import { failPage } from '#lib/server/page-errors.ts';
import * as patterns from '#lib/server/patterns.ts';
import { requireMember } from '#lib/server/session.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { parsePatternForm } from '../pattern-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = await requireMember(locals, url);
  try {
    // Three requests, made together.
    const [options, placeable, outputs] = await Promise.all([
      filterOptions.list(locals.supabase),
      workstreams.placeableBy(locals.supabase, user.id),
      patterns.exampleChoices(locals.supabase)
    ]);
    return {
      title: 'Propose a pattern',
      ...described('Write up a reusable solution to a problem many councils share.'),
      workstreams: options.workstreams.filter((w) => w.status !== 'closed' && placeable(w.id)),
      outcomeOptions: options.outcomes,
      exampleOptions: outputs
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    await requireMember(locals, url.pathname);
    const form = parsePatternForm(await request.formData());
    if (!form.ok) return form.failure;
    let slug: string;
    try {
      slug = await patterns.save(locals.supabase, form.data, form.outcomeIds, form.exampleIds);
    } catch (e) {
      return refused(
        e,
        { values: form.values, outcomes: form.outcomes },
        {
          forbidden: 'Your pattern could not be saved. Sign in again and try again.',
          explainedField: 'workstream_id',
          invalid: 'Some of your answers could not be saved. Check them and try again.'
        }
      );
    }
    redirect(303, `/patterns/${slug}?proposed=1`);
  }
};
