// Patterns and outcome tags through the app, as a browser without JavaScript uses them:
// proposing, editing (with conflicts) and reviewing patterns, recording adoption; the
// steering group adding, retiring and merging outcome tags; old slugs redirecting; the
// outcome page's matchmaking and the "propose a workstream" that invites people; and every
// page reading its data in 3 or fewer round trips.
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient } from './hub.ts';
import { activeWorkstream } from './ws-fixtures.ts';
import { getPage, member, postForm, restRoundTrips, text } from './session.ts';

let author: Awaited<ReturnType<typeof member>>;
let lead: Awaited<ReturnType<typeof member>>;
let steering: Awaited<ReturnType<typeof member>>;

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

beforeAll(async () => {
  [author, lead, steering] = await Promise.all([
    member('pattern-author'),
    member('pattern-lead'),
    member('outcome-steering', { steering: true })
  ]);
}, 90_000);

/** A published pattern by `author` in a workstream `lead` leads (author a member of it). */
async function patternInLeadsWorkstream() {
  const ws = await activeWorkstream(lead.client, lead.user.id);
  const joined = await author.client
    .from('workstream_members')
    .insert({ workstream_id: ws.id, user_id: author.user.id });
  if (joined.error) throw joined.error;
  const { data, error } = await author.client.rpc('save_pattern', {
    p_title: `Pattern ${suffix()}`,
    p_summary: 'A summary',
    p_problem: 'A problem',
    p_workstream_id: ws.id
  });
  if (error) throw error;
  return data;
}

async function outcomeTag(title: string) {
  const slug = `it-${suffix()}`;
  const { data, error } = await serviceClient()
    .from('outcomes')
    .insert({ slug, title: `${title} ${slug}` })
    .select('id, slug, title')
    .single();
  if (error) throw error;
  return data;
}

describe('pages read their data in 3 or fewer round trips', () => {
  it('for visitors, members and the steering group', async () => {
    const slug = await patternInLeadsWorkstream();
    const pages: [string, string | undefined][] = [
      ['/patterns', undefined],
      ['/patterns', author.cookie],
      ['/patterns/check-before-you-report', undefined],
      [`/patterns/${slug}`, author.cookie],
      [`/patterns/${slug}`, lead.cookie],
      [`/patterns/${slug}`, steering.cookie],
      ['/patterns/new', author.cookie],
      [`/patterns/${slug}/edit`, author.cookie],
      ['/outcomes', undefined],
      ['/outcomes', steering.cookie],
      ['/outcomes/evidence-and-data-driven', undefined],
      ['/outcomes/evidence-and-data-driven', author.cookie],
      ['/outcomes/evidence-and-data-driven/edit', steering.cookie],
      ['/workstreams/new?outcome=evidence-and-data-driven', author.cookie],
      ['/steering', steering.cookie]
    ];
    for (const [path, cookie] of pages) {
      const { response, requestId } = await getPage(path, cookie);
      expect(response.status, path).toBe(200);
      const trips = await restRoundTrips(requestId);
      expect(trips, path).toBeGreaterThan(0);
      expect(trips, path).toBeLessThanOrEqual(3);
    }
  });
});

describe('proposing a pattern', () => {
  it('publishes it as experimental with its sections, and says so', async () => {
    const title = `Show the next step ${suffix()}`;
    const { response } = await postForm(
      '/patterns/new',
      null,
      {
        title,
        summary: 'Tell people what happens after they apply.',
        problem: 'People call to ask **what happens next**.',
        known_gaps: 'Not tried for paper applications.',
        outcome: []
      },
      author.cookie
    );
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/patterns\/show-the-next-step-[a-z0-9-]+\?proposed=1$/);
    const { html } = await getPage(location, author.cookie);
    const page = text(html);
    expect(page).toContain('Your pattern has been published as experimental');
    expect(page).toContain('Experimental');
    expect(page).toContain('Known gaps');
    expect(html).toContain('<strong>what happens next</strong>');
    expect(page).toContain('Edit this pattern');
    // The author may edit it but not review it.
    expect(page).not.toContain('Review this pattern');
  });

  it('shows the error summary linking to each field and keeps what was typed', async () => {
    const { response, html } = await postForm(
      '/patterns/new',
      null,
      { title: '', summary: 'Kept summary', problem: '', how_it_works: 'Kept steps' },
      author.cookie
    );
    expect(response.status).toBe(400);
    expect(html).toContain('govuk-error-summary');
    expect(html).toMatch(/<a href="#title">Enter the pattern’s name<\/a>/);
    expect(html).toMatch(/<a href="#problem">Describe the problem it solves/);
    expect(html).toContain('Kept summary</textarea>');
    expect(html).toContain('Kept steps</textarea>');
    expect(text(html)).toContain('Error: Propose a pattern');
  });

  it('sends a visitor to sign in first', async () => {
    const { response } = await getPage('/patterns/new');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('/sign-in');
  });
});

describe('editing a pattern', () => {
  it('refuses a stale edit, keeping the second writer’s text, against the latest version', async () => {
    const slug = await patternInLeadsWorkstream();
    const { data: p } = await serviceClient()
      .from('patterns')
      .select('id, version, workstream_id')
      .eq('slug', slug)
      .single();
    // Both keep it in the workstream (its lead may edit it only there).
    const workstream_id = p!.workstream_id!;
    const first = await postForm(
      `/patterns/${slug}/edit`,
      null,
      {
        title: 'First writer',
        summary: 'S',
        problem: 'P',
        workstream_id,
        version: String(p!.version)
      },
      author.cookie
    );
    expect(first.response.status).toBe(303);
    expect(first.response.headers.get('location')).toBe(`/patterns/${slug}?saved=1`);

    const second = await postForm(
      `/patterns/${slug}/edit`,
      null,
      {
        title: 'Second writer',
        summary: 'S',
        problem: 'The second writer’s problem',
        workstream_id,
        version: String(p!.version)
      },
      lead.cookie
    );
    expect(second.response.status).toBe(409);
    const page = text(second.html);
    expect(page).toContain('Someone else changed this pattern');
    expect(page).toContain('The saved version is now called “First writer”');
    expect(second.html).toContain('The second writer’s problem</textarea>');
    expect(second.html).toContain(`name="version" value="${p!.version + 1}"`);
  });

  it('refuses a member who is not its author, a lead or steering', async () => {
    const slug = await patternInLeadsWorkstream();
    const other = await member('pattern-other');
    const { data: p } = await serviceClient()
      .from('patterns')
      .select('version')
      .eq('slug', slug)
      .single();
    const { response, html } = await postForm(
      `/patterns/${slug}/edit`,
      null,
      { title: 'Taken over', summary: 'S', problem: 'P', version: String(p!.version) },
      other.cookie
    );
    expect(response.status).toBe(403);
    expect(text(html)).toContain('Only the author of a pattern');
  });
});

describe('reviewing a pattern', () => {
  it('lets a lead of its workstream move it to beta, shown in its history', async () => {
    const slug = await patternInLeadsWorkstream();
    const before = await getPage(`/patterns/${slug}`, lead.cookie);
    expect(text(before.html)).toContain('Review this pattern');
    const version = /name="version" value="(\d+)"/.exec(before.html)![1]!;
    const { response } = await postForm(
      `/patterns/${slug}`,
      'review',
      { maturity: 'beta', note: 'Two councils have it in beta.', version },
      lead.cookie
    );
    expect(response.status).toBe(200);
    const after = text((await getPage(`/patterns/${slug}`)).html);
    expect(after).toContain('Beta');
    expect(after).toContain('Experimental to Beta');
    expect(after).toContain('Two councils have it in beta.');
    expect(after).not.toContain('Not reviewed yet');
  });

  it('refuses its author, with the note kept', async () => {
    const slug = await patternInLeadsWorkstream();
    const { data: p } = await serviceClient()
      .from('patterns')
      .select('version')
      .eq('slug', slug)
      .single();
    const { response, html } = await postForm(
      `/patterns/${slug}`,
      'review',
      { maturity: 'recommended', note: 'My own pattern is great', version: String(p!.version) },
      author.cookie
    );
    expect(response.status).toBe(403);
    expect(text(html)).toContain('Only the leads of this pattern’s workstream');
    const { data: after } = await serviceClient()
      .from('patterns')
      .select('maturity')
      .eq('slug', slug)
      .single();
    expect(after!.maturity).toBe('experimental');
  });

  it('asks for a note', async () => {
    const slug = await patternInLeadsWorkstream();
    const { response, html } = await postForm(
      `/patterns/${slug}`,
      'review',
      { maturity: 'beta', note: '', version: '1' },
      lead.cookie
    );
    expect(response.status).toBe(400);
    expect(html).toMatch(/<a href="#note">Say why/);
  });

  it('says a pattern not reviewed for a year is due for review, on its page and on /steering', async () => {
    const pattern = text((await getPage('/patterns/find-your-bin-day')).html);
    expect(pattern).toContain('Review due');
    expect(pattern).toContain('This pattern is due for review');
    const steer = text((await getPage('/steering', steering.cookie)).html);
    expect(steer).toContain('Patterns due for review');
    expect(steer).toContain('Find your bin day');
  });

  it('marks a pattern used by two organisations useful', async () => {
    const page = text((await getPage('/patterns/check-before-you-report')).html);
    expect(page).toContain('Marked useful');
    const single = text((await getPage('/patterns/meeting-papers-as-open-data')).html);
    expect(single).not.toContain('Marked useful');
  });
});

describe('the outcome vocabulary', () => {
  it('lets the steering group add a tag, and refuses a taken slug with input kept', async () => {
    const slug = `it-new-${suffix()}`;
    const made = await postForm(
      '/outcomes',
      'create',
      { title: 'Residents trust council data', slug, kind: 'outcome', description: 'Trust.' },
      steering.cookie
    );
    expect(made.response.status).toBe(303);
    expect(made.response.headers.get('location')).toBe(`/outcomes/${slug}`);
    const again = await postForm(
      '/outcomes',
      'create',
      { title: 'Kept title', slug, kind: 'outcome' },
      steering.cookie
    );
    expect(again.response.status).toBe(409);
    expect(again.html).toMatch(/<a href="#slug">Another tag already has this web address name/);
    expect(again.html).toContain('value="Kept title"');
  });

  it('refuses members outside the steering group', async () => {
    const { response } = await postForm(
      '/outcomes',
      'create',
      { title: 'Not mine to add', slug: `it-no-${suffix()}`, kind: 'outcome' },
      author.cookie
    );
    expect(response.status).toBe(403);
    expect(
      (await getPage('/outcomes/evidence-and-data-driven/edit', author.cookie)).response.status
    ).toBe(403);
  });

  it('merges two tags: the old slug redirects and what it tagged moves', async () => {
    const [from, into] = await Promise.all([outcomeTag('Merged away'), outcomeTag('Kept')]);
    const slug = await patternInLeadsWorkstream();
    const { data: p } = await serviceClient()
      .from('patterns')
      .select('id')
      .eq('slug', slug)
      .single();
    await serviceClient()
      .from('pattern_outcomes')
      .insert({ pattern_id: p!.id, outcome_id: from.id });

    const { response } = await postForm(
      '/outcomes',
      'merge',
      { from_id: from.id, into_id: into.id },
      steering.cookie
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/outcomes/${into.slug}?merged=1`);
    const old = await getPage(`/outcomes/${from.slug}`);
    expect(old.response.status).toBe(301);
    expect(old.response.headers.get('location')).toBe(`/outcomes/${into.slug}`);
    expect(text((await getPage(`/outcomes/${into.slug}`)).html)).toContain('Patterns (1)');
  });

  it('refuses merging a tag into itself, saying why', async () => {
    const tag = await outcomeTag('Same');
    const { response, html } = await postForm(
      '/outcomes',
      'merge',
      { from_id: tag.id, into_id: tag.id },
      steering.cookie
    );
    expect(response.status).toBe(400);
    expect(html).toMatch(/<a href="#into_id">Select two different tags/);
  });

  it('retires a tag: not offered in forms, still shown with what it tagged', async () => {
    const tag = await outcomeTag('Retiring');
    const edit = await getPage(`/outcomes/${tag.slug}/edit`, steering.cookie);
    const version = /name="version" value="(\d+)"/.exec(edit.html)![1]!;
    const { response } = await postForm(
      `/outcomes/${tag.slug}/edit`,
      'retire',
      { version },
      steering.cookie
    );
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toBe(`/outcomes/${tag.slug}?retired=1`);
    const page = text((await getPage(location)).html);
    expect(page).toContain('The tag has been retired');
    expect(page).toContain('Retired');
    const form = await getPage('/patterns/new', author.cookie);
    expect(form.html).not.toContain(tag.title);
    expect(text((await getPage('/outcomes')).html)).toContain(tag.title);
  });

  it('keeps a renamed tag’s old address working', async () => {
    const tag = await outcomeTag('Renamed');
    const edit = await getPage(`/outcomes/${tag.slug}/edit`, steering.cookie);
    const version = /name="version" value="(\d+)"/.exec(edit.html)![1]!;
    const renamed = `${tag.slug}-renamed`;
    const { response } = await postForm(
      `/outcomes/${tag.slug}/edit`,
      'save',
      { title: tag.title, slug: renamed, kind: 'outcome', version },
      steering.cookie
    );
    expect(response.status).toBe(303);
    const old = await getPage(`/outcomes/${tag.slug}`);
    expect(old.response.status).toBe(301);
    expect(old.response.headers.get('location')).toBe(`/outcomes/${renamed}`);
  });

  it('redirects the demo data’s merged slug', async () => {
    const { response } = await getPage('/outcomes/channel-shift');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/outcomes/done-first-time-online');
  });
});

describe('the outcome page and matchmaking', () => {
  it('shows the organisations taking part and how many commitments are done', async () => {
    const page = text((await getPage('/outcomes/evidence-and-data-driven')).html);
    expect(page).toContain('Organisations taking part');
    expect(page).toMatch(/\d+ commitments? (is|are) done and \d+ still open/);
  });

  it('says when organisations work on an outcome apart, and proposing a workstream invites them', async () => {
    const outcome = await outcomeTag('Matched');
    // Two members of two organisations commit to it, in no shared workstream.
    const [a, b] = await Promise.all([member('match-a'), member('match-b')]);
    const orgs = await serviceClient()
      .from('organisations')
      .insert([
        { slug: `it-org-a-${suffix()}`, name: `Alpha Council ${suffix()}` },
        { slug: `it-org-b-${suffix()}`, name: `Beta Council ${suffix()}` }
      ])
      .select('id, slug, name');
    if (orgs.error) throw orgs.error;
    for (const [who, org] of [
      [a, orgs.data[0]!],
      [b, orgs.data[1]!]
    ] as const) {
      await serviceClient()
        .from('profiles')
        .update({ organisation_id: org.id })
        .eq('id', who.user.id);
      const { data: c, error } = await who.client.rpc('save_commitment', {
        p_title: 'publish our data',
        p_so_that: 'others can use it',
        p_due_on: '2030-01-31',
        p_visibility: 'public',
        p_next_check_in_on: '2030-01-01',
        p_outcome_ids: [outcome.id]
      });
      if (error || !c) throw error;
    }
    const page = text((await getPage(`/outcomes/${outcome.slug}`, author.cookie)).html);
    const names = orgs.data.map((o) => o.name).sort();
    expect(page).toContain(`${names[0]} and ${names[1]} are all working on this`);
    expect(page).toContain('Propose a workstream');

    const form = await getPage(`/workstreams/new?outcome=${outcome.slug}`, author.cookie);
    expect(text(form.html)).toContain('Invite the people already working on this');
    expect(form.html).toMatch(
      new RegExp(`value="${outcome.id}"[^>]*checked|checked[^>]*value="${outcome.id}"`)
    );
    const title = `Matched up ${suffix()}`;
    const { response } = await postForm(
      `/workstreams/new?outcome=${outcome.slug}`,
      null,
      {
        title,
        purpose: 'Working together',
        outcome: [outcome.id],
        invite: orgs.data.map((o) => o.slug)
      },
      author.cookie
    );
    expect(response.status).toBe(303);
    const { data: ws } = await serviceClient()
      .from('workstreams')
      .select('workstream_members(user_id, role), workstream_outcomes(outcome_id)')
      .eq('title', title)
      .single();
    expect(ws!.workstream_outcomes).toEqual([{ outcome_id: outcome.id }]);
    expect(ws!.workstream_members.map((m) => `${m.user_id}:${m.role}`).sort()).toEqual(
      [`${author.user.id}:lead`, `${a.user.id}:member`, `${b.user.id}:member`].sort()
    );
  });
});

describe('recording adoption', () => {
  it('lets a member with an organisation say it uses a pattern, and the count changes', async () => {
    const slug = await patternInLeadsWorkstream();
    const adopter = await member('pattern-adopter');
    const org = await serviceClient()
      .from('organisations')
      .insert({ slug: `it-adopt-${suffix()}`, name: `Gamma Council ${suffix()}` })
      .select('id, name')
      .single();
    await serviceClient()
      .from('profiles')
      .update({ organisation_id: org.data!.id })
      .eq('id', adopter.user.id);
    const before = text((await getPage(`/patterns/${slug}`, adopter.cookie)).html);
    expect(before).toContain(`Does ${org.data!.name} use this?`);
    const { response } = await postForm(
      `/patterns/${slug}`,
      'adopt',
      { phase: 'beta', adoption_note: 'In our bins service' },
      adopter.cookie
    );
    expect(response.status).toBe(200);
    const after = text((await getPage(`/patterns/${slug}`)).html);
    expect(after).toContain(org.data!.name);
    expect(after).toContain('In our bins service');

    // Its recorder can change it; a stale change is refused with what was typed kept.
    const mine = await getPage(`/patterns/${slug}`, adopter.cookie);
    expect(text(mine.html)).toContain(`Change how ${org.data!.name} uses this`);
    const adoptionId = /name="adoption_id" value="([0-9a-f-]{36})"/.exec(mine.html)![1]!;
    const changed = await postForm(
      `/patterns/${slug}`,
      'updateAdoption',
      { adoption_id: adoptionId, version: '1', phase: 'live', adoption_note: 'Live now' },
      adopter.cookie
    );
    expect(changed.response.status).toBe(200);
    expect(text((await getPage(`/patterns/${slug}`)).html)).toContain('Live, since');
    const stale = await postForm(
      `/patterns/${slug}`,
      'updateAdoption',
      { adoption_id: adoptionId, version: '1', phase: 'alpha', adoption_note: 'Typed again' },
      adopter.cookie
    );
    expect(stale.response.status).toBe(409);
    expect(stale.html).toContain('Typed again</textarea>');
    expect(stale.html).toContain('name="version" value="2"');
  });

  it('keeps one record per organisation, which a colleague of the same organisation edits', async () => {
    const slug = await patternInLeadsWorkstream();
    const [first, colleague] = await Promise.all([
      member('pattern-adopter-first'),
      member('pattern-adopter-colleague')
    ]);
    const org = await serviceClient()
      .from('organisations')
      .insert({ slug: `it-adopt-${suffix()}`, name: `Delta Council ${suffix()}` })
      .select('id, name')
      .single();
    await serviceClient()
      .from('profiles')
      .update({ organisation_id: org.data!.id })
      .in('id', [first.user.id, colleague.user.id]);
    const recorded = await postForm(
      `/patterns/${slug}`,
      'adopt',
      { phase: 'alpha', adoption_note: 'Trying it in planning' },
      first.cookie
    );
    expect(recorded.response.status).toBe(200);

    // The colleague is offered the organisation's record to change, and changes it.
    const theirs = await getPage(`/patterns/${slug}`, colleague.cookie);
    expect(text(theirs.html)).toContain(`Change how ${org.data!.name} uses this`);
    const adoptionId = /name="adoption_id" value="([0-9a-f-]{36})"/.exec(theirs.html)![1]!;
    const changed = await postForm(
      `/patterns/${slug}`,
      'updateAdoption',
      { adoption_id: adoptionId, version: '1', phase: 'beta', adoption_note: 'Now in beta' },
      colleague.cookie
    );
    expect(changed.response.status).toBe(200);

    // Saying "we use this" again for the same organisation updates its one record.
    const again = await postForm(
      `/patterns/${slug}`,
      'adopt',
      { phase: 'live', adoption_note: 'Live across the council' },
      first.cookie
    );
    expect(again.response.status).toBe(200);
    const { data: pattern } = await serviceClient()
      .from('patterns')
      .select('pattern_adoptions(organisation_id, phase, note, user_id)')
      .eq('slug', slug)
      .single();
    expect(pattern!.pattern_adoptions).toEqual([
      {
        organisation_id: org.data!.id,
        phase: 'live',
        note: 'Live across the council',
        user_id: first.user.id
      }
    ]);
  });
});
