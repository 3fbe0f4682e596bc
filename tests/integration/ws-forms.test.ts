import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, signedInClient } from './hub.ts';
import { activeWorkstream, commitment, draftOutput, evidenceFor } from './ws-fixtures.ts';
import { getPage, member, postForm, sessionCookie, text } from './session.ts';

let owner: Awaited<ReturnType<typeof member>>;

beforeAll(async () => {
  owner = await member('forms');
}, 60_000);

const valueOf = (html: string, id: string) =>
  new RegExp(`id="${id}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*id="${id}"`).exec(html);

describe('making a commitment', () => {
  it('makes it and shows it with a success banner', async () => {
    const ws = await activeWorkstream(owner.client, owner.user.id);
    const { response } = await postForm(
      '/commitments/new',
      null,
      {
        title: 'publish our bin collection API',
        due_on: '2030-03-31',
        so_that: 'other councils can reuse it',
        description: 'With **docs**.',
        workstream_id: ws.id,
        visibility: 'members',
        next_check_in_on: '2030-01-15'
      },
      owner.cookie
    );
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/commitments\/[0-9a-f-]{36}\?made=1$/);

    const { html } = await getPage(location, owner.cookie);
    const page = text(html);
    expect(page).toContain('Your commitment has been made');
    expect(page).toContain('I will publish our bin collection API');
    expect(page).toContain('other councils can reuse it');
    expect(html).toContain('<strong>docs</strong>');

    const id = /^\/commitments\/([0-9a-f-]{36})/.exec(location)?.[1] ?? '';
    const { data } = await serviceClient().from('commitments').select('*').eq('id', id).single();
    expect(data).toMatchObject({
      owner_id: owner.user.id,
      visibility: 'members',
      due_on: '2030-03-31',
      next_check_in_on: '2030-01-15',
      status: 'planned'
    });
  });

  it('shows the error summary linking to each field and keeps what was typed', async () => {
    const { response, html } = await postForm(
      '/commitments/new',
      null,
      {
        title: '',
        due_on: '2030-02-31',
        so_that: 'residents get their bins collected',
        visibility: 'public',
        next_check_in_on: '2001-01-01'
      },
      owner.cookie
    );
    expect(response.status).toBe(400);
    expect(html).toContain('govuk-error-summary');
    expect(html).toMatch(/<a href="#title">Enter what you will do<\/a>/);
    expect(html).toMatch(/<a href="#due_on">The date you will do it by must be a real date/);
    expect(html).toMatch(
      /<a href="#next_check_in_on">The first check-in date must be today or in the future/
    );
    expect(html).toContain('residents get their bins collected</textarea>');
    expect(valueOf(html, 'due_on')?.slice(1).find(Boolean)).toBe('2030-02-31');
    expect(text(html)).toContain('Error: Make a commitment');
  });

  it('saves nothing when its outcome tags cannot be saved, so sending it again makes no duplicate', async () => {
    const title = `tag the unknown outcome ${Date.now()}`;
    const { response, html } = await postForm(
      '/commitments/new',
      null,
      {
        title,
        due_on: '2030-03-31',
        so_that: 'a failed tag leaves no half-saved commitment',
        visibility: 'members',
        next_check_in_on: '2030-01-15',
        // A well-formed id of an outcome that does not exist: the tag write fails.
        outcome: '00000000-0000-4000-8000-999999999999'
      },
      owner.cookie
    );
    expect(response.status).toBe(400);
    expect(text(html)).toContain('Some of your answers could not be saved');
    const { data } = await serviceClient()
      .from('commitments')
      .select('id')
      .eq('owner_id', owner.user.id)
      .ilike('title', title);
    expect(data).toEqual([]);
  });

  it('defaults the first check-in to four weeks from today', async () => {
    const { html } = await getPage('/commitments/new', owner.cookie);
    const value = valueOf(html, 'next_check_in_on')?.slice(1).find(Boolean) ?? '';
    const days = Math.round(
      (Date.parse(value) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000
    );
    // London's today can be a day ahead of UTC's late in the evening.
    expect([27, 28]).toContain(days);
  });
});

describe('editing a commitment', () => {
  it('shows a conflict, keeps the typed text and saves nothing when someone saved in between', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const opened = c.version;
    // Saved elsewhere (another tab) after the edit page was opened.
    const elsewhere = await owner.client
      .from('commitments')
      .update({ title: 'changed in another tab', version: opened })
      .eq('id', c.id)
      .select('version')
      .single();
    expect(elsewhere.error).toBeNull();

    const { response, html } = await postForm(
      `/commitments/${c.id}/edit`,
      null,
      {
        title: 'my careful rewording',
        due_on: '2030-01-31',
        so_that: 'nothing I typed is lost',
        visibility: 'public',
        version: String(opened)
      },
      owner.cookie
    );
    expect(response.status).toBe(409);
    expect(text(html)).toContain('This commitment was changed by someone else');
    expect(valueOf(html, 'title')?.slice(1).find(Boolean)).toBe('my careful rewording');
    expect(html).toContain('nothing I typed is lost</textarea>');
    // The form now carries the latest version, so saving again works.
    expect(html).toContain(`name="version" value="${elsewhere.data!.version}"`);

    const { data } = await serviceClient()
      .from('commitments')
      .select('title')
      .eq('id', c.id)
      .single();
    expect(data?.title).toBe('changed in another tab');

    const again = await postForm(
      `/commitments/${c.id}/edit`,
      null,
      {
        title: 'my careful rewording',
        due_on: '2030-01-31',
        so_that: 'nothing I typed is lost',
        visibility: 'public',
        version: String(elsewhere.data!.version)
      },
      owner.cookie
    );
    expect(again.response.status).toBe(303);
    const saved = await serviceClient().from('commitments').select('title').eq('id', c.id).single();
    expect(saved.data?.title).toBe('my careful rewording');
  });
});

describe('archiving a commitment', () => {
  it('archives rather than deletes: others no longer see it, its owner still can', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const { response, html } = await postForm(
      `/commitments/${c.id}`,
      'archive',
      { version: String(c.version) },
      owner.cookie
    );
    expect(response.status).toBe(200);
    expect(text(html)).toContain('Your commitment has been archived');
    const { data } = await serviceClient()
      .from('commitments')
      .select('archived_at')
      .eq('id', c.id)
      .single();
    expect(data?.archived_at).not.toBeNull();
    const someoneElse = await member('archive-reader');
    expect((await getPage(`/commitments/${c.id}`, someoneElse.cookie)).response.status).toBe(404);
    const own = await getPage(`/commitments/${c.id}`, owner.cookie);
    expect(own.response.status).toBe(200);
    expect(text(own.html)).toContain('This commitment was archived');
  });
});

describe('checking in', () => {
  it('needs a closing note to mark a commitment done, then closes it with that note', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const missing = await postForm(
      `/commitments/${c.id}`,
      'checkIn',
      { status_to: 'done', note: '   ', next_check_in_on: '' },
      owner.cookie
    );
    expect(missing.response.status).toBe(400);
    expect(missing.html).toMatch(/<a href="#note">Enter a closing note/);

    const done = await postForm(
      `/commitments/${c.id}`,
      'checkIn',
      { status_to: 'done', note: 'Published and two councils use it', next_check_in_on: '' },
      owner.cookie
    );
    expect(done.response.status).toBe(200);
    expect(text(done.html)).toContain('Your commitment has been marked as done');
    const { data } = await serviceClient()
      .from('commitments')
      .select('status, closing_note, completed_at')
      .eq('id', c.id)
      .single();
    expect(data?.status).toBe('done');
    expect(data?.closing_note).toBe('Published and two councils use it');
    expect(data?.completed_at).not.toBeNull();
  });

  it('needs a reason to drop a commitment, and the database insists too', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const missing = await postForm(
      `/commitments/${c.id}`,
      'checkIn',
      { status_to: 'dropped', note: '' },
      owner.cookie
    );
    expect(missing.response.status).toBe(400);
    expect(missing.html).toMatch(
      /<a href="#note">Enter the reason you are dropping this commitment/
    );
    // Straight to the database without a reason: refused by its check constraint.
    const direct = await owner.client
      .from('commitments')
      .update({ status: 'dropped', closing_note: null, version: c.version })
      .eq('id', c.id);
    expect(direct.error?.code).toBe('23514');
  });
});

describe('watching, offering help and evidence', () => {
  it('lets another member watch, offer help with a note, and stop watching', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const helper = await member('helper');
    expect(
      (await postForm(`/commitments/${c.id}`, 'watch', {}, helper.cookie)).response.status
    ).toBe(200);
    const offer = await postForm(
      `/commitments/${c.id}`,
      'offerHelp',
      { help_note: 'I built one in Leeds' },
      helper.cookie
    );
    expect(offer.response.status).toBe(200);
    const { html } = await getPage(`/commitments/${c.id}`, owner.cookie);
    expect(text(html)).toContain('I built one in Leeds');
    expect(
      (await postForm(`/commitments/${c.id}`, 'unwatch', {}, helper.cookie)).response.status
    ).toBe(200);
    const { data } = await serviceClient()
      .from('commitment_watchers')
      .select('user_id')
      .eq('commitment_id', c.id);
    expect(data).toEqual([]);
  });

  it('attaches an output the owner contributed to as evidence', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const output = await draftOutput(owner.client, owner.user.id, 'Evidence output');
    const { response } = await postForm(
      `/commitments/${c.id}`,
      'attach',
      { output_id: output.id },
      owner.cookie
    );
    expect(response.status).toBe(200);
    expect(await evidenceFor(output.id)).toBe(c.id);
  });

  it('refuses attaching evidence to someone else’s commitment', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const stranger = await member('stranger');
    const output = await draftOutput(stranger.client, stranger.user.id, 'Not evidence');
    const { response } = await postForm(
      `/commitments/${c.id}`,
      'attach',
      { output_id: output.id },
      stranger.cookie
    );
    expect(response.status).toBe(403);
    expect(await evidenceFor(output.id)).toBeNull();
  });
});

describe('workstreams', () => {
  it('proposing saves nothing when its outcome tags cannot be saved', async () => {
    const proposer = await member('proposer');
    const title = `Unknown outcome proposal ${Date.now()}`;
    const { response } = await postForm(
      '/workstreams/new',
      null,
      {
        title,
        purpose: 'A failed tag leaves no half-saved proposal',
        outcome: '00000000-0000-4000-8000-999999999999'
      },
      proposer.cookie
    );
    expect(response.status).toBe(400);
    const { data } = await serviceClient().from('workstreams').select('id').eq('title', title);
    expect(data).toEqual([]);
  });

  it('lets a member join and leave a workstream', async () => {
    const lead = await member('lead');
    const ws = await activeWorkstream(lead.client, lead.user.id);
    const joiner = await member('joiner');
    const id = ws.id;
    const joined = await postForm(
      `/workstreams/${ws.slug}`,
      'join',
      { workstream_id: id },
      joiner.cookie
    );
    expect(joined.response.status).toBe(200);
    expect(text(joined.html)).toContain('You have joined this workstream');
    const members = async () =>
      (
        await serviceClient()
          .from('workstream_members')
          .select('user_id, role')
          .eq('workstream_id', id)
      ).data;
    expect(await members()).toContainEqual({ user_id: joiner.user.id, role: 'member' });
    const left = await postForm(
      `/workstreams/${ws.slug}`,
      'leave',
      { workstream_id: id },
      joiner.cookie
    );
    expect(left.response.status).toBe(200);
    expect((await members())?.map((m) => m.user_id)).not.toContain(joiner.user.id);
  });

  it('keeps a proposal proposed until the steering group approves it', async () => {
    const proposer = await member('proposer');
    const title = `Shared bins data ${Date.now()}`;
    const proposed = await postForm(
      '/workstreams/new',
      null,
      { title, purpose: 'One data standard for bins.' },
      proposer.cookie
    );
    expect(proposed.response.status).toBe(303);
    const slug =
      /^\/workstreams\/([a-z0-9-]+)\?proposed=1$/.exec(
        proposed.response.headers.get('location') ?? ''
      )?.[1] ?? '';
    expect(slug).not.toBe('');
    const row = async () =>
      (
        await serviceClient()
          .from('workstreams')
          .select('id, status, version')
          .eq('slug', slug)
          .single()
      ).data!;
    expect((await row()).status).toBe('proposed');

    // The proposer leads it, but cannot approve it: the database refuses.
    const current = await row();
    const selfApprove = await postForm(
      `/workstreams/${slug}/edit`,
      null,
      {
        title,
        purpose: 'One data standard for bins.',
        status: 'active',
        version: String(current.version)
      },
      proposer.cookie
    );
    expect(selfApprove.response.status).toBe(403);
    expect(text(selfApprove.html)).toContain(
      'Only the steering group can approve a proposed workstream'
    );
    expect((await row()).status).toBe('proposed');

    // A member of the steering group sees Approve, and it works.
    const steering = await signedInClient();
    await serviceClient()
      .from('network_roles')
      .insert({ user_id: steering.user.id, role: 'steering' });
    const cookie = sessionCookie(steering.session);
    const { html } = await getPage(`/workstreams/${slug}`, cookie);
    expect(text(html)).toContain('Approve this workstream');
    const approve = await postForm(
      `/workstreams/${slug}`,
      'approve',
      { workstream_id: current.id, version: String(current.version) },
      cookie
    );
    expect(approve.response.status).toBe(200);
    expect((await row()).status).toBe('active');
  });

  it('lets a lead make another member a lead, and refuses a plain member managing members', async () => {
    const lead = await member('lead2');
    const ws = await activeWorkstream(lead.client, lead.user.id);
    const other = await member('other2');
    const id = ws.id;
    await other.client
      .from('workstream_members')
      .insert({ workstream_id: id, user_id: other.user.id });
    expect((await getPage(`/workstreams/${ws.slug}/members`, other.cookie)).response.status).toBe(
      403
    );
    const refused = await postForm(
      `/workstreams/${ws.slug}/members`,
      'remove',
      { user_id: lead.user.id },
      other.cookie
    );
    expect(refused.response.status).toBe(403);
    const promoted = await postForm(
      `/workstreams/${ws.slug}/members`,
      'makeLead',
      { user_id: other.user.id },
      lead.cookie
    );
    expect(promoted.response.status).toBe(200);
    const { data } = await serviceClient()
      .from('workstream_members')
      .select('user_id, role')
      .eq('workstream_id', id)
      .order('user_id');
    expect(data).toEqual(
      [
        { user_id: lead.user.id, role: 'lead' },
        { user_id: other.user.id, role: 'lead' }
      ].sort((a, b) => a.user_id.localeCompare(b.user_id))
    );
  });
});
