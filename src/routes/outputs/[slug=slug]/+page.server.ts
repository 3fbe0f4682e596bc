import { creditsFor, usedByText } from '#lib/credits.ts';
import { outputKindLabel, phaseLabel } from '#lib/labels.ts';
import * as outputs from '#lib/server/outputs.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

/** The site an external link goes to ("example.org"), so people know where they are going. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export const load: PageServerLoad = async ({ locals, params }) => {
  try {
    // One request: the output with its contributors, tags, reuse and patterns embedded.
    const output = await outputs.get(locals.supabase, params.slug);
    const organisations = new Set(
      output.output_reuses.flatMap((r) => (r.organisations ? [r.organisations.name] : []))
    );
    return {
      title: output.title,
      ...described(output.summary),
      ogType: 'article' as const,
      output: {
        slug: output.slug,
        title: output.title,
        summary: output.summary,
        bodyHtml: renderMarkdown(output.body),
        kind: outputKindLabel(output.kind),
        status: output.status,
        externalUrl: output.external_url,
        externalHost: hostOf(output.external_url),
        licence: output.licence,
        publishedAt: output.published_at,
        updatedAt: output.updated_at,
        workstream: output.workstream,
        commitment: output.commitment,
        contributors: output.output_contributors.flatMap((c) =>
          c.profiles
            ? [
                {
                  name: c.profiles.display_name,
                  organisation: c.profiles.organisations?.name ?? null,
                  role: c.role
                }
              ]
            : []
        ),
        hiddenContributors: creditsFor(output.output_contributors).hidden,
        outcomes: output.output_outcomes.flatMap((t) => (t.outcomes ? [t.outcomes] : [])),
        reuses: output.output_reuses.map((r) => ({
          id: r.id,
          organisation: r.organisations?.name ?? 'An organisation',
          phase: phaseLabel(r.phase),
          note: r.note,
          createdAt: r.created_at
        })),
        usedBy: usedByText(organisations.size),
        patterns: output.pattern_examples.flatMap((e) => (e.patterns ? [e.patterns] : []))
      }
    };
  } catch (e) {
    failPage(e);
  }
};
