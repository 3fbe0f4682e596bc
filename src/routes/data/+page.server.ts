import { DATA_LICENCE, DATA_SETS } from '#lib/open-data.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

// Reads no data: the page is the dictionary, which the files are written from too.
export const load: PageServerLoad = () => ({
  title: 'Open data',
  ...described(
    `Download the hub’s public ${Object.values(DATA_SETS)
      .map((s) => s.title.toLowerCase())
      .join(
        ', '
      )} as CSV or JSON under the ${DATA_LICENCE.name}, with a description of every column, and follow new outputs and events in Atom feeds.`
  )
});
