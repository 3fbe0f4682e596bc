import { redirect } from '@sveltejs/kit';
import * as commitments from '#lib/server/commitments.ts';
import { toDataError } from '#lib/server/errors.ts';
import * as filterOptions from '#lib/server/filter-options.ts';
import { refused } from '#lib/server/form-actions.ts';
import { explainedField, preview, readOutputForm, statusChoices } from '#lib/server/output-form.ts';
import * as outputs from '#lib/server/outputs.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { slugParam } from '#lib/server/query.ts';
import { requireMember } from '#lib/server/session.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const commitmentParam = (url: URL) => {
  const id = z.uuid().safeParse(url.searchParams.get('commitment'));
  return id.success ? id.data : null;
};

/** The member's own commitment the output is shared from, or null (not theirs, or none). */
async function fromCommitment(client: App.Locals['supabase'], id: string | null, userId: string) {
  if (!id) return null;
  try {
    const c = await commitments.getForEdit(client, id);
    return c.owner_id === userId ? c : null;
  } catch (e) {
    if (toDataError(e).kind === 'not_found') return null;
    throw e;
  }
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = await requireMember(locals, url);
  try {
    // Up to three requests, in parallel: the choices, where the member may place it, and
    // the commitment it delivers.
    const [options, placeable, commitment] = await Promise.all([
      filterOptions.list(locals.supabase),
      workstreams.placeableBy(locals.supabase, user.id),
      fromCommitment(locals.supabase, commitmentParam(url), user.id)
    ]);
    const choices = options.workstreams.filter((w) => w.status !== 'closed' && placeable(w.id));
    const slug = slugParam(url, 'workstream');
    const from =
      choices.find((w) => w.slug === slug) ??
      choices.find((w) => w.id === commitment?.workstream_id);
    return {
      title: 'Share an output',
      workstreams: choices,
      outcomeOptions: options.outcomes,
      statuses: statusChoices(null),
      commitment: commitment ? { id: commitment.id, title: commitment.title } : null,
      commitmentAsked: url.searchParams.has('commitment'),
      defaults: {
        workstream_id: from?.id ?? '',
        status: 'draft',
        licence: 'ogl_3'
      },
      defaultOutcomes: commitment?.commitment_outcomes.map((t) => t.outcome_id) ?? []
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  save: async ({ request, locals, url }) => {
    const user = await requireMember(locals, `${url.pathname}${url.search}`);
    const formData = await request.formData();
    const form = await readOutputForm(locals.supabase, formData, false);
    if (!form.ok) return form.failure;
    const commitment = await fromCommitment(locals.supabase, commitmentParam(url), user.id);
    let slug: string;
    try {
      slug = await outputs.save(locals.supabase, {
        input: form.input,
        outcomeIds: form.outcomeIds,
        contributors: form.contributors,
        commitmentId: commitment?.id ?? null
      });
    } catch (e) {
      return refused(
        e,
        { values: form.values, outcomes: form.outcomes },
        {
          forbidden: 'You can only share outputs of your own. Sign in again and try again.',
          explainedField: explainedField(e),
          invalid: 'Some of your answers could not be saved. Check them and try again.'
        }
      );
    }
    redirect(303, `/outputs/${slug}?saved=${form.input.status}`);
  },

  preview: async ({ request, locals, url }) => {
    await requireMember(locals, `${url.pathname}${url.search}`);
    return preview(await request.formData());
  }
};
