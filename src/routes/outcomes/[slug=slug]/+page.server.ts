import { eventKindTag, outputKindLabel, maturityTag } from '#lib/labels.ts';
import { formatRange } from '#lib/dates.ts';

import * as outcomes from '#lib/server/outcomes.ts';

import { DataError } from '#lib/server/errors.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import { currentUser } from '#lib/server/session.ts';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = await currentUser(locals);
  let page;
  try {
    // Three requests made together: the outcome with a few of each kind of work tagged with
    // it and counts, its latest commitments, and the organisations taking part.
    page = await outcomes.get(locals.supabase, params.slug);
  } catch (e) {
    // A merged or renamed tag's old slug: one more request, only when the slug is unknown.
    if (e instanceof DataError && e.kind === 'not_found') {
      let target: string | null = null;
      try {
        target = await outcomes.redirectFor(locals.supabase, params.slug);
      } catch (again) {
        failPage(again);
      }
      if (target) redirect(301, `/outcomes/${target}`);
    }
    failPage(e);
  }
  try {
    return {
      title: page.outcome.title,
      ...described(page.outcome.description),
      outcome: page.outcome,
      signedIn: !!user,
      organisations: page.organisations,
      match: page.match
        ? {
            sentence: `${outcomes.listInWords(page.match.map((m) => m.name))} are all working on this`,
            count: page.match.length
          }
        : null,
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
