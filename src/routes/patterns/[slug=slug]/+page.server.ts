import { outputKindLabel, phaseLabel, maturityTag } from '#lib/labels.ts';
import { usedByText } from '#lib/credits.ts';
import * as patterns from '#lib/server/patterns.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  try {
    // One request: the pattern with its examples, adoptions and tags embedded.
    const p = await patterns.get(locals.supabase, params.slug);
    const organisations = new Set(
      p.pattern_adoptions.flatMap((a) => (a.organisations ? [a.organisations.name] : []))
    );
    return {
      title: p.title,
      ...described(p.summary),
      ogType: 'article' as const,
      pattern: {
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        // The sections of a GOV.UK Design System pattern page, in its order; empty ones left out.
        sections: [
          { id: 'the-problem', title: 'The problem', text: p.problem },
          { id: 'when-to-use', title: 'When to use this pattern', text: p.when_to_use },
          { id: 'when-not-to-use', title: 'When not to use this pattern', text: p.when_not_to_use },
          { id: 'how-it-works', title: 'How it works', text: p.how_it_works },
          { id: 'research', title: 'Research and evidence', text: p.research_evidence }
        ].flatMap(({ text, ...s }) => (text ? [{ ...s, html: renderMarkdown(text) }] : [])),
        maturity: maturityTag(p.maturity),
        lastReviewedOn: p.last_reviewed_on,
        updatedAt: p.updated_at,
        status: p.status,
        workstream: p.workstream,
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
          phase: phaseLabel(a.phase),
          note: a.note
        })),
        usedBy: usedByText(organisations.size)
      }
    };
  } catch (e) {
    failPage(e);
  }
};
