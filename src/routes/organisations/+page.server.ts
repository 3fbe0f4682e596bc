import { orgKindLabel } from '#lib/labels.ts';
import { described } from '#lib/server/meta.ts';
import * as organisations from '#lib/server/organisations.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { pageCount, pageParam } from '#lib/server/query.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const page = pageParam(url);
  try {
    // One request: a page of organisations with their counts, and how many there are.
    const list = await organisations.listWithCounts(locals.supabase, page);
    return {
      title: `Organisations${page > 1 ? ` (page ${page})` : ''}`,
      ...described(
        'Councils, central government teams, suppliers and charities in the network: who is in them, what they committed to, made and reused.'
      ),
      organisations: list.organisations.flatMap((o) =>
        o.slug && o.name
          ? [
              {
                slug: o.slug,
                name: o.name,
                kind: orgKindLabel(o.kind),
                people: o.people ?? 0,
                commitments: o.commitments ?? 0,
                outputs: o.outputs ?? 0,
                uses: o.uses ?? 0
              }
            ]
          : []
      ),
      total: list.total,
      page,
      totalPages: pageCount(list.total)
    };
  } catch (e) {
    failPage(e);
  }
};
