import { fail, redirect } from '@sveltejs/kit';
import { toDataError } from '#lib/server/errors.ts';
import { refused } from '#lib/server/form-actions.ts';
import { described } from '#lib/server/meta.ts';
import * as outcomes from '#lib/server/outcomes.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { currentUser, requireMember } from '#lib/server/session.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { parseForm } from '#lib/validation/form.ts';
import { mergeSchema, outcomeSchema } from '#lib/validation/outcome.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const user = await currentUser(locals);
  try {
    // Two requests at most, made together: the vocabulary, and whether the reader manages it.
    const [all, steering] = await Promise.all([
      outcomes.listAll(locals.supabase),
      workstreams.isSteering(locals.supabase, user?.id)
    ]);
    const inUse = all.filter((o) => o.retired_at === null);
    return {
      title: 'Outcomes',
      ...described(
        'The network’s principles and the outcomes it works towards: everything tagged with each.'
      ),
      principles: inUse.filter((o) => o.is_principle),
      outcomes: inUse.filter((o) => !o.is_principle),
      retired: all.filter((o) => o.retired_at !== null),
      steering,
      mergeChoices: steering ? all.map((o) => ({ value: o.id, text: o.title })) : []
    };
  } catch (e) {
    failPage(e);
  }
};

const notSteering = 'Only the steering group manages outcome tags. Nothing was changed.';

export const actions: Actions = {
  create: async ({ request, locals, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(outcomeSchema(), await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'create', errors: parsed.errors, values: parsed.values });
    let slug: string;
    try {
      slug = await outcomes.create(locals.supabase, parsed.data);
    } catch (e) {
      if (toDataError(e).code === '23505') {
        return fail(409, {
          action: 'create',
          values: parsed.values,
          errors: [
            {
              field: 'slug',
              message: 'Another tag already has this web address name. Choose a different one.'
            }
          ]
        });
      }
      return refused(e, { action: 'create', values: parsed.values }, { forbidden: notSteering });
    }
    redirect(303, `/outcomes/${slug}`);
  },

  merge: async ({ request, locals, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(mergeSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'merge', errors: parsed.errors, values: parsed.values });
    let slug: string;
    try {
      slug = await outcomes.merge(locals.supabase, parsed.data.from_id, parsed.data.into_id);
    } catch (e) {
      return refused(e, { action: 'merge', values: parsed.values }, { forbidden: notSteering });
    }
    redirect(303, `/outcomes/${slug}?merged=1`);
  }
};
