import { error, isHttpError, redirect } from '@sveltejs/kit';
import * as filterOptions from '#lib/server/filter-options.ts';
import { editRefused } from '#lib/server/form-actions.ts';
import { explainedField, preview, readOutputForm, statusChoices } from '#lib/server/output-form.ts';
import * as outputs from '#lib/server/outputs.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = await requireMember(locals, url.pathname);
  try {
    // Three requests in parallel: the output, the choices, and where the member may place it.
    const [output, options, placeable] = await Promise.all([
      outputs.getForEdit(locals.supabase, params.slug),
      filterOptions.list(locals.supabase),
      workstreams.placeableBy(locals.supabase, user.id)
    ]);
    if (!outputs.mayEdit(output, user.id, placeable.steering)) {
      error(403, 'Only the contributors of an output can edit it. Ask one of them to add you.', {
        kind: 'forbidden'
      });
    }
    const values: Record<string, string> = {
      title: output.title,
      kind: output.kind,
      summary: output.summary ?? '',
      body: output.body ?? '',
      external_url: output.external_url ?? '',
      licence: output.licence ?? '',
      licence_url: output.licence_url ?? '',
      workstream_id: output.workstream_id ?? '',
      status: output.status,
      id: output.id,
      version: String(output.version)
    };
    output.output_contributors.forEach((c, i) => {
      values[`contributor_${i + 1}`] = c.profiles?.handle ?? '';
      values[`credit_${i + 1}`] = c.role ?? '';
    });
    return {
      title: `Edit ${output.title}`,
      output: { id: output.id, slug: output.slug, title: output.title, summary: output.summary },
      values,
      outcomes: output.output_outcomes.map((t) => t.outcome_id),
      statuses: statusChoices(output.status),
      // Where it is now stays a choice, even if the member could not place it there today.
      workstreams: options.workstreams.filter(
        (w) => w.id === output.workstream_id || (w.status !== 'closed' && placeable(w.id))
      ),
      outcomeOptions: options.outcomes
    };
  } catch (e) {
    if (isHttpError(e)) throw e;
    failPage(e);
  }
};

export const actions: Actions = {
  save: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const formData = await request.formData();
    const id = String(formData.get('id') ?? '');
    const form = await readOutputForm(locals.supabase, formData, true);
    if (!form.ok) return form.failure;
    let slug: string;
    try {
      slug = await outputs.save(
        locals.supabase,
        { input: form.input, outcomeIds: form.outcomeIds, contributors: form.contributors },
        id
      );
    } catch (e) {
      return editRefused(
        e,
        form,
        async () => (await outputs.getForEdit(locals.supabase, params.slug)).version,
        {
          conflict:
            'This output was changed by someone else (or in another tab) since you opened it. Your changes below have not been saved. Check them against the output and save again.',
          forbidden:
            'Only the contributors of an output can edit it, and only its sharer or its workstream’s leads can change who else is credited. Your changes have not been saved.',
          explainedField: explainedField(e)
        }
      );
    }
    redirect(303, `/outputs/${slug}?saved=${form.input.status}`);
  },

  preview: async ({ request, locals, url }) => {
    await requireMember(locals, url.pathname);
    return preview(await request.formData());
  }
};
