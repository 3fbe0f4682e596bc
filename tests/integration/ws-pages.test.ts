import { beforeAll, describe, expect, it } from 'vitest';
import { activeWorkstream, commitment } from './ws-fixtures.ts';
import { getPage, member, restRoundTrips } from './session.ts';

// Every page of workstreams and commitments answers, and reads its data in 3 or fewer
// PostgREST round trips (counted by the gateway, per x-request-id the app forwards).
let owner: Awaited<ReturnType<typeof member>>;
let ws: { id: string; slug: string };
let commitmentId: string;

beforeAll(async () => {
  owner = await member('pages');
  ws = await activeWorkstream(owner.client, owner.user.id);
  commitmentId = (await commitment(owner.client, owner.user.id, { workstream_id: ws.id })).id;
}, 60_000);

describe('workstreams and commitments pages', () => {
  const pages = (): [string, boolean][] => [
    ['/workstreams', false],
    ['/workstreams?status=active&page=1', false],
    [`/workstreams/${ws.slug}`, false],
    ['/commitments', false],
    ['/commitments?status=planned&staleness=on_track&sort=due', false],
    [`/commitments/${commitmentId}`, false],
    ['/workstreams', true],
    [`/workstreams/${ws.slug}`, true],
    [`/workstreams/${ws.slug}/edit`, true],
    [`/workstreams/${ws.slug}/members`, true],
    ['/workstreams/new', true],
    ['/commitments', true],
    [`/commitments?workstream=${ws.slug}`, true],
    [`/commitments/${commitmentId}`, true],
    [`/commitments/${commitmentId}/edit`, true],
    [`/commitments/new?workstream=${ws.slug}`, true],
    ['/me', true]
  ];

  it('answer 200 and read their data in 3 or fewer API round trips', async () => {
    for (const [path, signedIn] of pages()) {
      const { response, requestId } = await getPage(path, signedIn ? owner.cookie : undefined);
      const who = signedIn ? 'a member' : 'a visitor';
      expect(response.status, `${path} for ${who}`).toBe(200);
      const trips = await restRoundTrips(requestId);
      // More than none proves the count works (the app forwards x-request-id).
      expect(trips, `round trips for ${path} (${who})`).toBeGreaterThan(0);
      expect(trips, `round trips for ${path} (${who})`).toBeLessThanOrEqual(3);
    }
  });

  it('shows the commitment’s staleness tag wherever it appears once its check-in date passes', async () => {
    const stale = await commitment(owner.client, owner.user.id, {
      workstream_id: ws.id,
      next_check_in_on: '2020-01-01'
    });
    for (const path of [`/commitments/${stale.id}`, `/workstreams/${ws.slug}`, '/me']) {
      const { html } = await getPage(path, owner.cookie);
      expect(html, path).toMatch(/govuk-tag--red[^>]*>Dormant/);
    }
    const overdue = await commitment(owner.client, owner.user.id, {
      next_check_in_on: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10)
    });
    const { html } = await getPage(`/commitments/${overdue.id}`, owner.cookie);
    expect(html).toMatch(/govuk-tag--orange[^>]*>Overdue/);
  });

  it('sends visitors to sign in from pages only members can use', async () => {
    for (const path of [
      '/me',
      '/commitments/new',
      '/workstreams/new',
      `/workstreams/${ws.slug}/edit`
    ]) {
      const { response } = await getPage(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toMatch(/^\/sign-in\?next=/);
    }
  });

  it('answers 404 for unknown or malformed workstream slugs and commitment ids', async () => {
    for (const path of [
      '/workstreams/no-such-workstream-here',
      '/workstreams/Not_A_Slug',
      '/commitments/not-a-uuid',
      '/commitments/00000000-0000-4000-8000-000000000000'
    ]) {
      const { response, requestId } = await getPage(path);
      expect(response.status, path).toBe(404);
      if (path.includes('_') || path.includes('not-a-uuid')) {
        // The param matcher refuses junk before any data is read.
        expect(await restRoundTrips(requestId), path).toBe(0);
      }
    }
  });

  it('answers the friendly 404 for a page past the end of the workstreams or commitments list', async () => {
    for (const path of [
      '/workstreams?page=99',
      '/workstreams?status=closed&page=99',
      '/commitments?page=99',
      '/commitments?status=dropped&sort=due&page=99'
    ]) {
      for (const cookie of [undefined, owner.cookie]) {
        const { response, html } = await getPage(path, cookie);
        expect(response.status, path).toBe(404);
        expect(html, path).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
      }
    }
  });

  it('hides members-only commitments from visitors but shows them to members', async () => {
    const secret = await commitment(owner.client, owner.user.id, { visibility: 'members' });
    expect((await getPage(`/commitments/${secret.id}`)).response.status).toBe(404);
    expect((await getPage(`/commitments/${secret.id}`, owner.cookie)).response.status).toBe(200);
  });
});
