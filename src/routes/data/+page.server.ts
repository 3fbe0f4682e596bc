import { DATA_LICENCE, DATA_SETS } from '#lib/open-data.ts';
import { described } from '#lib/server/meta.ts';
import * as openData from '#lib/server/open-data.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { createAnonymousClient } from '#lib/server/supabase.ts';
import type { PageServerLoad } from './$types';

// The page is the dictionary the files are written from, plus one call for row counts
// (as a visitor's, like the files).
export const load: PageServerLoad = async (event) => {
  let counts;
  try {
    counts = await openData.counts(createAnonymousClient(event));
  } catch (e) {
    failPage(e);
  }
  return {
    title: 'Open data',
    ...described(
      `Download the hub’s public ${Object.values(DATA_SETS)
        .map((s) => s.title.toLowerCase())
        .join(
          ', '
        )} as CSV or JSON under the ${DATA_LICENCE.name}, with a description of every column, and follow new outputs and events in Atom feeds.`
    ),
    rowCounts: Object.fromEntries(counts)
  };
};
