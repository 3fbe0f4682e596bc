import { redirect } from '@sveltejs/kit';
import * as filterOptions from '#lib/server/filter-options.ts';
import { editRefused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import * as patterns from '#lib/server/patterns.ts';
import { requireMember } from '#lib/server/session.ts';
import { parsePatternForm } from '../../pattern-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  await requireMember(locals, url.pathname);
  try {
    // Three requests, made together. Whether this member may edit it is the database's
    // call when they save (author, the workstream's leads, steering).
    const [p, options, outputs] = await Promise.all([
      patterns.getForEdit(locals.supabase, params.slug),
      filterOptions.list(locals.supabase),
      patterns.exampleChoices(locals.supabase)
    ]);
    const current = p.pattern_examples.flatMap((e) => (e.outputs ? [e.outputs] : []));
    return {
      title: `Edit ${p.title}`,
      pattern: {
        slug: p.slug,
        title: p.title,
        values: {
          title: p.title,
          summary: p.summary ?? '',
          problem: p.problem ?? '',
          when_to_use: p.when_to_use ?? '',
          when_not_to_use: p.when_not_to_use ?? '',
          how_it_works: p.how_it_works ?? '',
          research_evidence: p.research_evidence ?? '',
          known_gaps: p.known_gaps ?? '',
          workstream_id: p.workstream_id ?? '',
          version: String(p.version)
        },
        outcomes: p.pattern_outcomes.map((t) => t.outcome_id),
        examples: p.pattern_examples.map((e) => e.output_id)
      },
      workstreams: options.workstreams.filter(
        (w) => w.status !== 'closed' || w.id === p.workstream_id
      ),
      outcomeOptions: options.outcomes,
      // The pattern's own examples stay offered even when older than the latest outputs.
      exampleOptions: [...current, ...outputs.filter((o) => !current.some((c) => c.id === o.id))]
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const form = parsePatternForm(await request.formData(), { editing: true });
    if (!form.ok) return form.failure;
    let slug: string;
    try {
      const { id } = await patterns.getForEdit(locals.supabase, params.slug);
      slug = await patterns.save(locals.supabase, form.data, form.outcomeIds, form.exampleIds, id);
    } catch (e) {
      const failure = await editRefused(
        e,
        form,
        async () => (await patterns.getForEdit(locals.supabase, params.slug)).version,
        {
          conflict:
            'This pattern was changed by someone else (or in another tab) since you opened it. Your changes below have not been saved. Check them against the pattern and save again.',
          forbidden:
            'Only the author of a pattern, the leads of its workstream and the steering group can edit it. Your changes have not been saved.',
          explainedField: 'workstream_id'
        }
      );
      return failure;
    }
    redirect(303, `/patterns/${slug}?saved=1`);
  }
};
