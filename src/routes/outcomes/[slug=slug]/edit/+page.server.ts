import { error, fail, isHttpError, redirect } from '@sveltejs/kit';
import { toDataError } from '#lib/server/errors.ts';
import { editConflict, refused } from '#lib/server/form-actions.ts';
import * as outcomes from '#lib/server/outcomes.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { parseForm } from '#lib/validation/form.ts';
import { outcomeSchema, retireSchema } from '#lib/validation/outcome.ts';
import type { Actions, PageServerLoad } from './$types';

const notSteering = 'Only the steering group manages outcome tags. Nothing was changed.';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = await requireMember(locals, url.pathname);
  try {
    const [o, steering] = await Promise.all([
      outcomes.getForEdit(locals.supabase, params.slug),
      workstreams.isSteering(locals.supabase, user.id)
    ]);
    if (!steering) error(403, notSteering, { kind: 'forbidden' });
    return {
      title: `Edit ${o.title}`,
      outcome: {
        id: o.id,
        slug: o.slug,
        title: o.title,
        retired: o.retired_at !== null,
        version: String(o.version),
        values: {
          title: o.title,
          slug: o.slug,
          description: o.description ?? '',
          kind: o.is_principle ? 'principle' : 'outcome',
          version: String(o.version)
        }
      }
    };
  } catch (e) {
    if (isHttpError(e)) throw e;
    failPage(e);
  }
};

const latestVersion = (locals: App.Locals, slug: string) => async () =>
  (await outcomes.getForEdit(locals.supabase, slug)).version;

export const actions: Actions = {
  save: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(outcomeSchema({ editing: true }), await request.formData());
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
    let slug: string;
    try {
      const { id } = await outcomes.getForEdit(locals.supabase, params.slug);
      slug = await outcomes.update(locals.supabase, id, {
        ...parsed.data,
        version: Number(parsed.data.version)
      });
    } catch (e) {
      const conflict = await editConflict(
        e,
        latestVersion(locals, params.slug),
        'This tag was changed by someone else since you opened it. Your changes below have not been saved. Check them and save again.',
        { values: parsed.values, outcomes: [] }
      );
      if (conflict) return conflict;
      if (toDataError(e).code === '23505') {
        return fail(409, {
          values: parsed.values,
          errors: [
            {
              field: 'slug',
              message: 'Another tag already has this web address name. Choose a different one.'
            }
          ]
        });
      }
      return refused(e, { values: parsed.values }, { forbidden: notSteering });
    }
    redirect(303, `/outcomes/${slug}?saved=1`);
  },

  retire: async (event) => setRetired(event, true),
  restore: async (event) => setRetired(event, false)
};

async function setRetired(
  { request, locals, params, url }: Parameters<Actions[string]>[0],
  retired: boolean
) {
  await requireMember(locals, url.pathname);
  const parsed = parseForm(retireSchema, await request.formData());
  if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
  try {
    const { id } = await outcomes.getForEdit(locals.supabase, params.slug);
    await outcomes.setRetired(locals.supabase, id, retired, parsed.data.version);
  } catch (e) {
    const conflict = await editConflict(
      e,
      latestVersion(locals, params.slug),
      'This tag was changed by someone else since you opened it. Check it, then try again.',
      { values: {}, outcomes: [] }
    );
    if (conflict) return conflict;
    return refused(e, { values: {} }, { forbidden: notSteering });
  }
  redirect(303, `/outcomes/${params.slug}?${retired ? 'retired' : 'restored'}=1`);
}
