// Sharing polish (issue 9), through the pages as a browser without JavaScript would: the
// output, pattern and event forms leave retired outcome tags out while an output keeps one
// already attached; whoever may edit an output sees "Edit this output"; organisations that
// use an output or pattern link to their pages. Each page reads its data in 3 or fewer
// API round trips.
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient } from './hub.ts';
import { getPage, member, postForm, restRoundTrips, text } from './session.ts';

type Member = Awaited<ReturnType<typeof member>>;
let sharer: Member;
let bystander: Member;
let steering: Member;

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Shares a published output through the form; returns its slug and id. */
async function share(by: Member, fields: Record<string, string | string[]> = {}) {
  const { response } = await postForm(
    '/outputs/new?/save',
    null,
    {
      title: `Polish guide ${suffix()}`,
      kind: 'guide',
      summary: 'A guide any council can reuse.',
      licence: 'ogl_3',
      status: 'published',
      ...fields
    },
    by.cookie
  );
  expect(response.status).toBe(303);
  const slug = /^\/outputs\/([a-z0-9-]+)\?saved=/.exec(response.headers.get('location') ?? '')![1]!;
  const { data, error } = await serviceClient()
    .from('outputs')
    .select('id')
    .eq('slug', slug)
    .single();
  if (error) throw error;
  return { slug, id: data.id };
}

beforeAll(async () => {
  [sharer, bystander, steering] = await Promise.all([
    member('polish-sharer'),
    member('polish-bystander'),
    member('polish-steering', { steering: true })
  ]);
}, 90_000);

describe('retired outcome tags in forms', () => {
  it('are not offered by the output, pattern and event forms, and an output keeps one it has', async () => {
    const { data: tags, error } = await serviceClient()
      .from('outcomes')
      .insert([
        { slug: `it-kept-${suffix()}`, title: `Kept tag ${suffix()}` },
        { slug: `it-retired-${suffix()}`, title: `Retired tag ${suffix()}` }
      ])
      .select('id, slug, title');
    if (error) throw error;
    const [kept, retired] = tags;
    const output = await share(sharer, { outcome: [kept!.id, retired!.id] });
    const retiring = await serviceClient()
      .from('outcomes')
      .update({ retired_at: new Date().toISOString() })
      .eq('id', retired!.id);
    if (retiring.error) throw retiring.error;

    for (const path of ['/outputs/new', `/outputs/${output.slug}/edit`, '/patterns/new']) {
      const { html } = await getPage(path, sharer.cookie);
      expect(html, path).toContain(kept!.title);
      expect(html, path).not.toContain(retired!.title);
    }
    const events = await getPage('/events/new', steering.cookie);
    expect(events.html).toContain(kept!.title);
    expect(events.html).not.toContain(retired!.title);

    // Saving the edit form (which cannot tick the retired tag) keeps it attached.
    const form = await getPage(`/outputs/${output.slug}/edit`, sharer.cookie);
    const version = /name="version" value="(\d+)"/.exec(form.html)![1]!;
    const { data: profile } = await serviceClient()
      .from('profiles')
      .select('handle')
      .eq('id', sharer.user.id)
      .single();
    const saved = await postForm(
      `/outputs/${output.slug}/edit`,
      'save',
      {
        id: output.id,
        version,
        title: `Polish guide renamed ${suffix()}`,
        kind: 'guide',
        summary: 'A guide any council can reuse.',
        licence: 'ogl_3',
        status: 'published',
        outcome: [kept!.id],
        contributor_1: profile!.handle,
        credit_1: 'author'
      },
      sharer.cookie
    );
    expect(saved.response.status).toBe(303);
    const { data: links } = await serviceClient()
      .from('output_outcomes')
      .select('outcome_id')
      .eq('output_id', output.id);
    expect(links!.map((l) => l.outcome_id).sort()).toEqual([kept!.id, retired!.id].sort());
  });
});

describe('the output page’s “Edit this output” link', () => {
  it('shows to its contributors and the steering group, who may open the edit form, and to no one else', async () => {
    const { slug } = await share(sharer);
    for (const [who, can] of [
      [sharer, true],
      [steering, true],
      [bystander, false]
    ] as const) {
      const { html, response, requestId } = await getPage(`/outputs/${slug}`, who.cookie);
      expect(response.status).toBe(200);
      expect(text(html).includes('Edit this output'), who.user.email).toBe(can);
      expect(await restRoundTrips(requestId)).toBeLessThanOrEqual(3);
      const edit = await getPage(`/outputs/${slug}/edit`, who.cookie);
      expect(edit.response.status, who.user.email).toBe(can ? 200 : 403);
    }
  });
});

describe('organisations that use an output or pattern', () => {
  it('link to their organisation pages', async () => {
    for (const [path, organisation] of [
      ['/outputs/essex-content-style-guide', 'hackney-council'],
      ['/patterns/find-your-bin-day', 'devon-county-council']
    ] as const) {
      const { html, response, requestId } = await getPage(path);
      expect(response.status, path).toBe(200);
      expect(html, path).toContain(`href="/organisations/${organisation}"`);
      expect(await restRoundTrips(requestId), path).toBeLessThanOrEqual(3);
      expect((await getPage(`/organisations/${organisation}`)).response.status).toBe(200);
    }
  });
});

describe('the service navigation', () => {
  it('offers Outcomes, marked as the current section on the outcome pages', async () => {
    const home = await getPage('/');
    expect(home.html).toMatch(/class="govuk-service-navigation__link" href="\/outcomes"/);
    expect(home.html).not.toMatch(/href="\/outcomes" aria-current/);
    for (const path of ['/outcomes', '/outcomes/open-by-default']) {
      const { html, response } = await getPage(path);
      expect(response.status, path).toBe(200);
      expect(html, path).toMatch(/href="\/outcomes" aria-current="page"/);
    }
  });
});
