import { fail } from '@sveltejs/kit';
import { outputKindLabel, phaseLabel, maturityTag, MATURITY_CHOICES } from '#lib/labels.ts';
import { usedByText } from '#lib/credits.ts';
import { formatDate } from '#lib/dates.ts';
import * as patterns from '#lib/server/patterns.ts';
import * as profiles from '#lib/server/profiles.ts';
import { editConflict, refused } from '#lib/server/form-actions.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import { currentUser, requireMember } from '#lib/server/session.ts';
import { parseForm } from '#lib/validation/form.ts';
import { adoptionEditSchema, adoptionSchema, reviewSchema } from '#lib/validation/pattern.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = await currentUser(locals);
  try {
    // Two requests at most, made together: the pattern with everything embedded, and who
    // is reading (their organisation, steering or not).
    const [p, me] = await Promise.all([
      patterns.get(locals.supabase, params.slug),
      user ? profiles.reader(locals.supabase, user.id) : Promise.resolve(null)
    ]);
    const organisations = new Set(
      p.pattern_adoptions.flatMap((a) => (a.organisations ? [a.organisations.name] : []))
    );
    const isLead = !!user && !!p.workstream?.workstream_members.some((m) => m.user_id === user.id);
    const canReview = !!me && (me.steering || isLead);
    const canEdit = !!user && (p.created_by === user.id || canReview);
    const ownAdoption = me?.organisationId
      ? p.pattern_adoptions.find((a) => a.organisation_id === me.organisationId)
      : undefined;
    return {
      title: p.title,
      ogType: 'article' as const,
      ...described(p.summary),
      pattern: {
        id: p.id,
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        version: p.version,
        // The sections of a GOV.UK Design System pattern page, in its order; empty ones left out.
        sections: [
          { id: 'the-problem', title: 'The problem', text: p.problem },
          { id: 'when-to-use', title: 'When to use this pattern', text: p.when_to_use },
          { id: 'when-not-to-use', title: 'When not to use this pattern', text: p.when_not_to_use },
          { id: 'how-it-works', title: 'How it works', text: p.how_it_works },
          { id: 'research', title: 'Research and evidence', text: p.research_evidence },
          { id: 'known-gaps', title: 'Known gaps', text: p.known_gaps }
        ].flatMap(({ text, ...s }) => (text ? [{ ...s, html: renderMarkdown(text) }] : [])),
        maturity: maturityTag(p.maturity),
        maturityValue: p.maturity,
        lastReviewedOn: p.last_reviewed_on,
        reviewDue: p.review_due === true,
        useful: p.pattern_adoption_counts[0]?.is_useful ?? false,
        updatedAt: p.updated_at,
        status: p.status,
        workstream: p.workstream ? { slug: p.workstream.slug, title: p.workstream.title } : null,
        author: p.author
          ? { name: p.author.display_name, organisation: p.author.organisations?.name ?? null }
          : null,
        outcomes: p.pattern_outcomes.flatMap((t) => (t.outcomes ? [t.outcomes] : [])),
        examples: p.pattern_examples.flatMap((e) =>
          e.outputs ? [{ ...e.outputs, kind: outputKindLabel(e.outputs.kind), note: e.note }] : []
        ),
        adoptions: p.pattern_adoptions.map((a) => ({
          id: a.id,
          organisation: a.organisations?.name ?? 'An organisation',
          organisationSlug: a.organisations?.slug ?? null,
          // "Used by" shows the phase and since when.
          phase: `${phaseLabel(a.phase) ?? 'Phase not given'}, since ${formatDate(a.created_at)}`,
          note: a.note
        })),
        reviews: p.pattern_reviews.map((r) => ({
          id: r.id,
          maturity: maturityTag(r.maturity).text,
          previous: r.previous_maturity ? maturityTag(r.previous_maturity).text : null,
          note: r.note,
          reviewedOn: r.reviewed_on,
          reviewer: r.reviewer?.display_name ?? null
        })),
        usedBy: usedByText(organisations.size)
      },
      signedIn: !!user,
      canEdit,
      canReview,
      maturityChoices: MATURITY_CHOICES,
      organisationName: me?.organisationName ?? null,
      canAdopt: !!me?.organisationId && !ownAdoption,
      // One record per organisation: anyone of the organisation may keep it up to date.
      myAdoption: ownAdoption
        ? {
            id: ownAdoption.id,
            phase: ownAdoption.phase ?? '',
            note: ownAdoption.note ?? '',
            version: String(ownAdoption.version)
          }
        : null
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  review: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(reviewSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'review', errors: parsed.errors, values: parsed.values });
    try {
      const { id } = await patterns.getForEdit(locals.supabase, params.slug);
      await patterns.review(locals.supabase, id, parsed.data);
    } catch (e) {
      const conflict = await editConflict(
        e,
        async () => (await patterns.getForEdit(locals.supabase, params.slug)).version,
        'Someone else reviewed or edited this pattern since you opened it. Your review has not been saved. Check the pattern’s maturity and history below, then review it again.',
        { values: parsed.values, outcomes: [] }
      );
      if (conflict) return conflict;
      return refused(
        e,
        { action: 'review', values: parsed.values },
        {
          forbidden:
            'Only the leads of this pattern’s workstream and the steering group can review it. Your review has not been saved.'
        }
      );
    }
    return {
      success: `Review saved: the pattern is now ${maturityTag(parsed.data.maturity).text}`
    };
  },

  adopt: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(adoptionSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'adopt', errors: parsed.errors, values: parsed.values });
    try {
      const { id } = await patterns.getForEdit(locals.supabase, params.slug);
      // A colleague may have recorded it meanwhile: then this brings their record up to date.
      await patterns.recordAdoption(locals.supabase, id, parsed.data);
    } catch (e) {
      return refused(
        e,
        { action: 'adopt', values: parsed.values },
        {
          forbidden:
            'You can only say your own organisation uses a pattern. Check your profile and try again.',
          explainedField: 'phase'
        }
      );
    }
    return { success: 'Thank you: your organisation is now listed as using this pattern' };
  },

  updateAdoption: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(adoptionEditSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'adopt', errors: parsed.errors, values: parsed.values });
    try {
      const { id } = await patterns.getForEdit(locals.supabase, params.slug);
      await patterns.recordAdoption(locals.supabase, id, parsed.data);
    } catch (e) {
      const conflict = await editConflict(
        e,
        async () =>
          (await patterns.get(locals.supabase, params.slug)).pattern_adoptions.find(
            (a) => a.id === parsed.data.adoption_id
          )?.version ?? 0,
        'Someone in your organisation changed its record since you opened this page. Your changes below have not been saved. Check them and save again.',
        { values: parsed.values, outcomes: [] }
      );
      if (conflict) return conflict;
      return refused(
        e,
        { action: 'adopt', values: parsed.values },
        {
          forbidden: 'Only people of the organisation it is for can change this record.',
          explainedField: 'phase'
        }
      );
    }
    return { success: 'Your organisation’s record has been updated' };
  }
};
