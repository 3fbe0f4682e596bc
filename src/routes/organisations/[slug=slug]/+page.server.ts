import { orgKindLabel, outputKindLabel, phaseLabel } from '#lib/labels.ts';
import { described } from '#lib/server/meta.ts';
import * as organisations from '#lib/server/organisations.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  try {
    // One request: the organisation with its people, commitments, outputs and reuses.
    const g = await organisations.page(locals.supabase, params.slug);
    return {
      title: g.name,
      ...described(
        `${g.name} in the network: its people, what they committed to and made, and what it reused.`
      ),
      organisation: {
        slug: g.slug,
        name: g.name,
        kind: orgKindLabel(g.kind),
        website: g.website,
        peopleTotal: g.people_total,
        people: g.people.flatMap((p) =>
          p.handle && p.display_name
            ? [{ handle: p.handle, name: p.display_name, jobTitle: p.job_title }]
            : []
        ),
        commitmentTotal: g.commitment_total,
        // Their organisation is this page's: the list need not repeat it.
        commitments: g.commitments.map((c) => ({ ...c, organisation_name: null })),
        outputTotal: g.output_total,
        outputs: g.outputs.flatMap((o) =>
          o.slug && o.title ? [{ slug: o.slug, title: o.title, kind: outputKindLabel(o.kind) }] : []
        ),
        useTotal: g.use_total,
        uses: g.uses.flatMap((u) =>
          u.id && u.slug && u.title
            ? [
                {
                  id: u.id,
                  href: `/${u.kind === 'pattern' ? 'patterns' : 'outputs'}/${u.slug}`,
                  title: u.title,
                  kind: u.kind === 'pattern' ? 'Pattern' : 'Output',
                  phase: phaseLabel(u.phase),
                  note: u.note
                }
              ]
            : []
        )
      }
    };
  } catch (e) {
    failPage(e);
  }
};
