import { eventKindTag, outputKindLabel, maturityTag } from '#lib/labels.ts';
import { formatRange } from '#lib/dates.ts';

import * as outcomes from '#lib/server/outcomes.ts';

import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  try {
    // One request: the outcome with a few of each kind of work tagged with it, and counts.
    const page = await outcomes.get(locals.supabase, params.slug);
    return {
      title: page.outcome.title,
      ...described(page.outcome.description),
      outcome: page.outcome,
      workstreams: page.workstreams,
      commitments: page.commitments,
      outputs: {
        total: page.outputs.total,
        items: page.outputs.items.map((o) => ({ ...o, kind: outputKindLabel(o.kind) }))
      },
      patterns: {
        total: page.patterns.total,
        items: page.patterns.items.map((p) => ({ ...p, maturity: maturityTag(p.maturity) }))
      },
      events: {
        total: page.events.total,
        items: page.events.items.map((e) => ({
          slug: e.slug,
          title: e.title,
          kind: eventKindTag(e.kind),
          cancelled: e.status === 'cancelled',
          startsAt: e.starts_at,
          when: formatRange(e.starts_at, e.ends_at)
        }))
      }
    };
  } catch (e) {
    failPage(e);
  }
};
