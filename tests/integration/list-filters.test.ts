import { describe, expect, it } from 'vitest';
import { anonClient } from './hub.ts';
import { getPage } from './session.ts';

// Filtering a list by an outcome tag shows exactly what carries the tag (and still
// everything without the filter): the lists embed the tags empty and keep rows with a match.

const OUTCOME = 'done-first-time-online';

/** The slugs a list page links to under `prefix` (e.g. "/outputs/"). */
function linkedSlugs(html: string, prefix: string): string[] {
  // `${prefix}new` is the form for sharing one, not an item of the list.
  const found = [...html.matchAll(new RegExp(`href="${prefix}([a-z0-9-]+)"`, 'g'))]
    .map((m) => m[1]!)
    .filter((slug) => slug !== 'new');
  return [...new Set(found)].sort();
}

/** What a visitor may see tagged with OUTCOME, from the data API itself. */
async function tagged() {
  const result = await anonClient()
    .from('outcomes')
    .select('workstreams(slug), outputs(slug), patterns(slug)')
    .eq('slug', OUTCOME)
    .single();
  if (result.error) throw result.error;
  const slugs = (rows: { slug: string }[]) => rows.map((r) => r.slug);
  return {
    workstreams: slugs(result.data.workstreams),
    outputs: slugs(result.data.outputs),
    patterns: slugs(result.data.patterns)
  };
}

describe('filtering lists by an outcome', () => {
  const lists = [
    { path: '/workstreams', prefix: '/workstreams/', table: 'workstreams' as const },
    { path: '/outputs', prefix: '/outputs/', table: 'outputs' as const },
    { path: '/patterns', prefix: '/patterns/', table: 'patterns' as const }
  ];

  for (const list of lists) {
    it(`${list.path} lists only what is tagged with the outcome`, async () => {
      const all = linkedSlugs((await getPage(list.path)).html, list.prefix);
      const filtered = linkedSlugs(
        (await getPage(`${list.path}?outcome=${OUTCOME}`)).html,
        list.prefix
      );
      const expected = (await tagged())[list.table];
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.length).toBeLessThan(all.length);
      for (const slug of filtered) expect(expected, slug).toContain(slug);
    });
  }

  it('shows nothing, not everything, for an outcome nothing is tagged with', async () => {
    const { html } = await getPage('/outputs?outcome=no-such-outcome');
    expect(linkedSlugs(html, '/outputs/')).toEqual([]);
  });
});
