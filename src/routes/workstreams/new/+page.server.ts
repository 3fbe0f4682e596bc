import * as filterOptions from '#lib/server/filter-options.ts';
import { requireMember } from '#lib/server/session.ts';
import { fail, redirect } from '@sveltejs/kit';

import { toDataError } from '#lib/server/errors.ts';
import { checked, parseWithOutcomes, refused } from '#lib/server/form-actions.ts';
import * as outcomes from '#lib/server/outcomes.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { slugParam } from '#lib/server/query.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import type { FormValues } from '#lib/validation/form.ts';
import { proposeWorkstreamSchema, slugify } from '#lib/validation/workstream.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * Proposing from an outcome's matchmaking suggestion (?outcome=<slug>): the organisations
 * working on it apart, to invite. Recomputed when the form is sent, so the form carries
 * organisations, not people.
 */
async function invitable(locals: App.Locals, slug: string | undefined) {
  if (!slug) return [];
  return (await outcomes.takingPart(locals.supabase, slug)).match ?? [];
}

export const load: PageServerLoad = async ({ locals, url }) => {
  await requireMember(locals, '/workstreams/new');
  const fromOutcome = slugParam(url, 'outcome');
  try {
    // Two requests at most, made together.
    const [options, invite] = await Promise.all([
      filterOptions.list(locals.supabase),
      invitable(locals, fromOutcome)
    ]);
    const outcome = options.outcomes.find((o) => o.slug === fromOutcome);
    const prefill: FormValues = outcome
      ? { purpose: `Working together towards ${outcome.title.toLowerCase()}.` }
      : {};
    return {
      title: 'Propose a workstream',
      ...described('Propose an area of shared work for the network: the steering group opens it.'),
      outcomeOptions: options.outcomes,
      fromOutcome: outcome ? { slug: outcome.slug, title: outcome.title } : null,
      defaults: {
        values: prefill,
        outcomes: outcome ? [outcome.id] : []
      },
      invite: invite.map(({ slug, name }) => ({ slug, name }))
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const user = await requireMember(locals, '/workstreams/new');
    const formData = await request.formData();
    const form = parseWithOutcomes(proposeWorkstreamSchema, formData);
    if (!form.ok) return form.failure;
    const invitedOrganisations = checked(formData, 'invite');
    let slug: string;
    try {
      const invite = invitedOrganisations.length
        ? await invitable(locals, slugParam(url, 'outcome'))
        : [];
      const inviteIds = invite
        .filter((o) => invitedOrganisations.includes(o.slug))
        .flatMap((o) => o.memberIds)
        .filter((id) => id !== user.id);
      slug = await workstreams.propose(
        locals.supabase,
        slugify(form.data.title),
        form.data,
        form.outcomeIds,
        [...new Set(inviteIds)]
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
