// Sharing outputs through the pages, as a browser without JavaScript would: share one with
// a contributor and outcome tags, see the error summary with what was typed kept, preview
// the description, edit against someone else's change, archive, and record reuse for an
// organisation. Every output page reads its data in 3 or fewer API round trips.
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient } from './hub.ts';
import { activeWorkstream, commitment } from './ws-fixtures.ts';
import { getPage, member, postForm, restRoundTrips, text } from './session.ts';

type Member = Awaited<ReturnType<typeof member>>;
let sharer: Member;
let colleague: Member;
let otherCouncil: Member;
let orgs: { sharer: string; other: string };

const handleOf = async (m: Member) => {
  const { data, error } = await serviceClient()
    .from('profiles')
    .select('handle')
    .eq('id', m.user.id)
    .single();
  if (error) throw error;
  return data.handle;
};

async function organisation(name: string) {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now().toString(36)}`;
  const { data, error } = await serviceClient()
    .from('organisations')
    .insert({ slug, name: `${name} ${slug}`, kind: 'council' })
    .select('id')
    .single();
  if (error) throw error;
  return data.id;
}

async function worksAt(m: Member, organisationId: string) {
  const { error } = await serviceClient()
    .from('profiles')
    .update({ organisation_id: organisationId })
    .eq('id', m.user.id);
  if (error) throw error;
}

const valueOf = (html: string, id: string) =>
  new RegExp(`id="${id}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*id="${id}"`)
    .exec(html)
    ?.slice(1)
    .find((v) => v !== undefined);

const outcomeIds = async () => {
  const { data, error } = await serviceClient().from('outcomes').select('id, slug').limit(2);
  if (error) throw error;
  return data;
};

/** Shares an output through the form; returns its slug (from the redirect). */
async function share(by: Member, fields: Record<string, string | string[]>, query = '') {
  // As the form posts it: the action first, then what else the page's address said.
  const { response } = await postForm(
    `/outputs/new?/save${query.replace(/^\?/, '&')}`,
    null,
    {
      kind: 'guide',
      summary: 'A guide any council can reuse.',
      licence: 'ogl_3',
      status: 'published',
      ...fields
    },
    by.cookie
  );
  expect(response.status).toBe(303);
  const location = response.headers.get('location') ?? '';
  return /^\/outputs\/([a-z0-9-]+)\?saved=/.exec(location)?.[1] ?? '';
}

beforeAll(async () => {
  [sharer, colleague, otherCouncil] = await Promise.all([
    member('outputs-sharer'),
    member('outputs-colleague'),
    member('outputs-other')
  ]);
  orgs = { sharer: await organisation('Testshire'), other: await organisation('Otherton') };
  await Promise.all([
    worksAt(sharer, orgs.sharer),
    worksAt(colleague, orgs.sharer),
    worksAt(otherCouncil, orgs.other)
  ]);
}, 90_000);

describe('sharing an output', () => {
  it('publishes it with its markdown, a contributor and outcome tags, and says so', async () => {
    const [tag] = await outcomeIds();
    const colleagueHandle = await handleOf(colleague);
    const title = `Bin collection API guide ${Date.now()}`;
    const slug = await share(sharer, {
      title,
      body: '## How to call it\n\nSend a **postcode**.',
      outcome: [tag!.id],
      contributor_1: colleagueHandle,
      credit_1: 'research'
    });
    expect(slug).toMatch(/^bin-collection-api-guide-\d+$/);

    const { html } = await getPage(`/outputs/${slug}?saved=published`, sharer.cookie);
    const page = text(html);
    expect(page).toContain('Your output has been published');
    expect(html).toContain('<strong>postcode</strong>');
    expect(page).toContain('(research)');
    expect(page).toContain('Open Government Licence v3.0');
    expect(html).toContain(`href="/outcomes/${tag!.slug}"`);
    expect(html).toContain(`href="/outputs/${slug}/edit"`);

    const { data } = await serviceClient()
      .from('outputs')
      .select('status, published_at, created_by, output_contributors(user_id, role)')
      .eq('slug', slug)
      .single();
    expect(data?.status).toBe('published');
    expect(data?.published_at).not.toBeNull();
    expect(data?.output_contributors).toEqual(
      expect.arrayContaining([
        { user_id: sharer.user.id, role: 'author' },
        { user_id: colleague.user.id, role: 'research' }
      ])
    );
  });

  it('shows the error summary linking to each field and keeps what was typed', async () => {
    const { response, html } = await postForm(
      '/outputs/new',
      'save',
      {
        title: '',
        summary: 'Kept summary text',
        body: 'Kept **body**',
        external_url: 'not a link',
        licence: 'other',
        status: 'draft',
        contributor_1: 'nobody-has-this-handle',
        credit_1: 'code'
      },
      sharer.cookie
    );
    expect(response.status).toBe(400);
    expect(html).toContain('govuk-error-summary');
    expect(html).toMatch(/<a href="#title">Enter a title<\/a>/);
    expect(html).toMatch(/<a href="#kind">Select what kind of output it is<\/a>/);
    expect(html).toMatch(/<a href="#external_url">Enter the link as a web address/);
    expect(html).toMatch(/<a href="#licence_url">Enter a link to the licence/);
    expect(html).toMatch(/<a href="#contributor_1">No member has the handle/);
    expect(html).toContain('Kept summary text</textarea>');
    expect(html).toContain('Kept **body**</textarea>');
    expect(valueOf(html, 'contributor_1')).toBe('nobody-has-this-handle');
    expect(valueOf(html, 'credit_1')).toBe('code');
    expect(text(html)).toContain('Error: Share an output');
  });

  it('previews the description above the form without saving, keeping what was typed', async () => {
    const title = `Never saved preview ${Date.now()}`;
    const { response, html } = await postForm(
      '/outputs/new',
      'preview',
      { title, body: '# Heading\n\n- one\n- two', kind: 'code', status: 'draft' },
      sharer.cookie
    );
    expect(response.status).toBe(200);
    expect(text(html)).toContain('Preview of the description');
    expect(html).toMatch(/<h1[^>]*>Heading<\/h1>|<li>one<\/li>/);
    expect(valueOf(html, 'title')).toBe(title);
    expect(html).toMatch(/value="code"[^>]*checked|checked[^>]*value="code"/);
    const { data } = await serviceClient().from('outputs').select('id').eq('title', title);
    expect(data).toEqual([]);
  });

  it('lists a draft under “Your drafts” for its sharer only, and nowhere for others', async () => {
    const title = `Draft only I see ${Date.now()}`;
    const slug = await share(sharer, { title, status: 'draft' });
    const mine = await getPage('/outputs', sharer.cookie);
    expect(mine.html).toMatch(
      new RegExp(`aria-label="Your drafts"[\\s\\S]*href="/outputs/${slug}"`)
    );
    const theirs = await getPage('/outputs', otherCouncil.cookie);
    expect(theirs.html).not.toContain(`href="/outputs/${slug}"`);
    expect((await getPage(`/outputs/${slug}`, otherCouncil.cookie)).response.status).toBe(404);
  });

  it('from a commitment, makes the output that commitment’s evidence', async () => {
    const c = await commitment(sharer.client, sharer.user.id);
    const slug = await share(
      sharer,
      { title: `What the commitment produced ${Date.now()}` },
      `?commitment=${c.id}`
    );
    const { data } = await serviceClient()
      .from('outputs')
      .select('commitment_id')
      .eq('slug', slug)
      .single();
    expect(data?.commitment_id).toBe(c.id);
    const { html } = await getPage(`/commitments/${c.id}`, sharer.cookie);
    expect(html).toContain(`href="/outputs/${slug}"`);
    expect(html).toContain(`href="/outputs/new?commitment=${c.id}"`);
  });

  it('from a workstream page, starts in that workstream', async () => {
    const ws = await activeWorkstream(sharer.client, sharer.user.id);
    const { html: wsPage } = await getPage(`/workstreams/${ws.slug}`, sharer.cookie);
    expect(wsPage).toContain(`href="/outputs/new?workstream=${ws.slug}"`);
    const { html } = await getPage(`/outputs/new?workstream=${ws.slug}`, sharer.cookie);
    expect(html).toMatch(new RegExp(`<option value="${ws.id}"[^>]*selected`));
  });
});

describe('editing an output', () => {
  it('keeps the second writer’s text when someone else saved first, and saves it on the next try', async () => {
    const title = `Conflicting guide ${Date.now()}`;
    const slug = await share(sharer, { title, status: 'draft' });
    const { html: form } = await getPage(`/outputs/${slug}/edit`, sharer.cookie);
    const id = valueOf(form, 'id') ?? /name="id" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const version = /name="version" value="(\d+)"/.exec(form)?.[1] ?? '';
    const fields = {
      id,
      version,
      title,
      kind: 'guide',
      summary: 'A guide any council can reuse.',
      licence: 'ogl_3',
      status: 'draft',
      contributor_1: await handleOf(sharer),
      credit_1: 'author'
    };
    // Someone else (another tab) saves first.
    const first = await postForm(
      `/outputs/${slug}/edit`,
      'save',
      { ...fields, summary: 'The first writer’s summary.' },
      sharer.cookie
    );
    expect(first.response.status).toBe(303);
    const second = await postForm(
      `/outputs/${slug}/edit`,
      'save',
      { ...fields, summary: 'The second writer’s summary.' },
      sharer.cookie
    );
    expect(second.response.status).toBe(409);
    expect(text(second.html)).toContain('Someone else changed this output');
    expect(second.html).toContain('The second writer’s summary.</textarea>');
    const latest = /name="version" value="(\d+)"/.exec(second.html)?.[1];
    expect(Number(latest)).toBeGreaterThan(Number(version));
    const again = await postForm(
      `/outputs/${slug}/edit`,
      'save',
      { ...fields, version: latest!, summary: 'The second writer’s summary.' },
      sharer.cookie
    );
    expect(again.response.status).toBe(303);
  });

  it('renaming keeps the old address working with a permanent redirect', async () => {
    const stamp = Date.now();
    const slug = await share(sharer, { title: `First name ${stamp}` });
    const { html: form } = await getPage(`/outputs/${slug}/edit`, sharer.cookie);
    const saved = await postForm(
      `/outputs/${slug}/edit`,
      'save',
      {
        id: /name="id" value="([^"]+)"/.exec(form)?.[1] ?? '',
        version: /name="version" value="(\d+)"/.exec(form)?.[1] ?? '',
        title: `Second name ${stamp}`,
        kind: 'guide',
        summary: 'Renamed.',
        licence: 'mit',
        status: 'published',
        contributor_1: await handleOf(sharer),
        credit_1: 'author'
      },
      sharer.cookie
    );
    expect(saved.response.headers.get('location')).toBe(
      `/outputs/second-name-${stamp}?saved=published`
    );
    const { response } = await getPage(`/outputs/${slug}`);
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe(`/outputs/second-name-${stamp}`);
  });

  it('archives it: it leaves the list, and its address says it is archived', async () => {
    const title = `Archived guide ${Date.now()}`;
    const slug = await share(sharer, { title });
    const { html: form } = await getPage(`/outputs/${slug}/edit`, sharer.cookie);
    expect(text(form)).toContain('Archived');
    const { response } = await postForm(
      `/outputs/${slug}/edit`,
      'save',
      {
        id: /name="id" value="([^"]+)"/.exec(form)?.[1] ?? '',
        version: /name="version" value="(\d+)"/.exec(form)?.[1] ?? '',
        title,
        kind: 'guide',
        summary: 'Gone.',
        licence: 'ogl_3',
        status: 'archived',
        contributor_1: await handleOf(sharer),
        credit_1: 'author'
      },
      sharer.cookie
    );
    expect(response.status).toBe(303);
    const visitor = await getPage(`/outputs/${slug}`);
    expect(visitor.response.status).toBe(200);
    expect(text(visitor.html)).toContain('This output has been archived');
    const list = await getPage('/outputs?kind=guide');
    expect(list.html).not.toContain(`href="/outputs/${slug}"`);
  });

  it('lets a contributor change their own credit, and explains why they cannot take others off', async () => {
    const colleagueHandle = await handleOf(colleague);
    const slug = await share(sharer, {
      title: `Shared credit ${Date.now()}`,
      contributor_1: colleagueHandle,
      credit_1: 'research'
    });
    const { html: form } = await getPage(`/outputs/${slug}/edit`, colleague.cookie);
    const base = {
      id: /name="id" value="([^"]+)"/.exec(form)?.[1] ?? '',
      version: /name="version" value="(\d+)"/.exec(form)?.[1] ?? '',
      title: valueOf(form, 'title') ?? '',
      kind: 'guide',
      summary: 'A guide any council can reuse.',
      licence: 'ogl_3',
      status: 'published'
    };
    const sharerHandle = await handleOf(sharer);
    const own = await postForm(
      `/outputs/${slug}/edit`,
      'save',
      {
        ...base,
        contributor_1: sharerHandle,
        credit_1: 'author',
        contributor_2: colleagueHandle,
        credit_2: 'research and testing'
      },
      colleague.cookie
    );
    expect(own.response.status).toBe(303);

    const { html: again } = await getPage(`/outputs/${slug}/edit`, colleague.cookie);
    const { response, html } = await postForm(
      `/outputs/${slug}/edit`,
      'save',
      {
        ...base,
        version: /name="version" value="(\d+)"/.exec(again)?.[1] ?? '',
        contributor_1: colleagueHandle,
        credit_1: 'everything'
      },
      colleague.cookie
    );
    expect(response.status).toBe(403);
    expect(html).toMatch(
      /<a href="#contributor_1">Only the person who shared an output, or its workstream’s leads, can change who else is credited\./
    );
    expect(valueOf(html, 'credit_1')).toBe('everything');
  });

  it('refuses the edit form to a member who did not contribute', async () => {
    const slug = await share(sharer, { title: `Not yours ${Date.now()}` });
    const { response } = await getPage(`/outputs/${slug}/edit`, otherCouncil.cookie);
    expect(response.status).toBe(403);
  });
});

describe('we’ve used this', () => {
  it('records one use per organisation, which a colleague updates, and the count changes', async () => {
    const slug = await share(sharer, { title: `Reusable guide ${Date.now()}` });
    const before = text((await getPage(`/outputs/${slug}`)).html);
    expect(before).toContain('No organisation has said it used this yet');
    const { html } = await getPage(`/outputs/${slug}`, otherCouncil.cookie);
    const outputId = /name="output_id" value="([^"]+)"/.exec(html)?.[1] ?? '';

    const first = await postForm(
      `/outputs/${slug}`,
      'reuse',
      { output_id: outputId, phase: 'alpha', note: 'Trying it in alpha.' },
      otherCouncil.cookie
    );
    expect(first.response.status).toBe(200);
    expect(text(first.html)).toContain('Your organisation’s use of this output has been recorded');
    expect(text(first.html)).toContain('Used by 1 organisation');

    const ours = await postForm(
      `/outputs/${slug}`,
      'reuse',
      { output_id: outputId, phase: 'beta' },
      colleague.cookie
    );
    expect(ours.response.status).toBe(200);
    expect(text(ours.html)).toContain('Used by 2 organisations');

    // The sharer works with the colleague: their organisation's record is updated, not doubled.
    const again = await postForm(
      `/outputs/${slug}`,
      'reuse',
      { output_id: outputId, phase: 'live', note: 'Live now.' },
      sharer.cookie
    );
    expect(again.response.status).toBe(200);
    const { data } = await serviceClient()
      .from('output_reuses')
      .select('organisation_id, phase, note')
      .eq('output_id', outputId)
      .order('phase');
    expect(data).toEqual([
      { organisation_id: orgs.other, phase: 'alpha', note: 'Trying it in alpha.' },
      { organisation_id: orgs.sharer, phase: 'live', note: 'Live now.' }
    ]);
  });

  it('says which phase to choose when none was', async () => {
    const slug = await share(sharer, { title: `Phase needed ${Date.now()}` });
    const { html } = await getPage(`/outputs/${slug}`, otherCouncil.cookie);
    const outputId = /name="output_id" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const { response, html: back } = await postForm(
      `/outputs/${slug}`,
      'reuse',
      { output_id: outputId, note: 'Kept note' },
      otherCouncil.cookie
    );
    expect(response.status).toBe(400);
    expect(back).toMatch(/<a href="#phase">Select the phase your work was in/);
    expect(back).toContain('Kept note</textarea>');
  });
});

describe('output pages', () => {
  it('answer and read their data in 3 or fewer API round trips', async () => {
    const slug = await share(sharer, { title: `Round trips ${Date.now()}` });
    const pages: [string, Member | null][] = [
      ['/outputs', null],
      ['/outputs', sharer],
      [`/outputs/${slug}`, null],
      [`/outputs/${slug}`, otherCouncil],
      ['/outputs/new', sharer],
      [`/outputs/new?workstream=content-platform`, sharer],
      [`/outputs/${slug}/edit`, sharer]
    ];
    for (const [path, who] of pages) {
      const { response, requestId } = await getPage(path, who?.cookie);
      const label = `${path} for ${who ? 'a member' : 'a visitor'}`;
      expect(response.status, label).toBe(200);
      const trips = await restRoundTrips(requestId);
      expect(trips, label).toBeGreaterThan(0);
      expect(trips, label).toBeLessThanOrEqual(3);
    }
  });

  it('an archived or renamed output’s address costs at most 3 round trips too', async () => {
    for (const path of ['/outputs/old-letter-template', '/outputs/homepage-accessibility-audit']) {
      const { response, requestId } = await getPage(path);
      expect([200, 308], path).toContain(response.status);
      expect(await restRoundTrips(requestId), path).toBeLessThanOrEqual(3);
    }
  });
});
