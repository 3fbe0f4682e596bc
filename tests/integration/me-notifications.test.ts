import { beforeAll, describe, expect, it } from 'vitest';
import { activeWorkstream } from './ws-fixtures.ts';
import { getPage, member, postForm, restRoundTrips, text } from './session.ts';

// Someone added by another person is told on /me and can leave from there (issue 7, item 7).
let lead: Awaited<ReturnType<typeof member>>;
let added: Awaited<ReturnType<typeof member>>;
let ws: { id: string; slug: string; title: string };
let leadName: string;

beforeAll(async () => {
  lead = await member('told-lead');
  added = await member('told-member');
  ws = await activeWorkstream(lead.client, lead.user.id, 'Notified workstream');
  const profile = await lead.client
    .from('profiles')
    .select('display_name')
    .eq('id', lead.user.id)
    .single();
  if (profile.error) throw profile.error;
  leadName = profile.data.display_name;
}, 60_000);

describe('notifications on /me', () => {
  it('tell a member a lead added them, with a link to the workstream and a way to leave it', async () => {
    const inserted = await lead.client
      .from('workstream_members')
      .insert({ workstream_id: ws.id, user_id: added.user.id, role: 'member' });
    expect(inserted.error).toBeNull();

    const { response, html, requestId } = await getPage('/me', added.cookie);
    expect(response.status).toBe(200);
    expect(text(html)).toContain(`${leadName} added you to the ${ws.title} workstream`);
    expect(html).toContain(`href="/workstreams/${ws.slug}"`);
    expect(html).toContain(`action="/workstreams/${ws.slug}?/leave"`);
    expect(await restRoundTrips(requestId)).toBeLessThanOrEqual(3);

    // The lead's own /me shows nothing: they acted, nobody acted for them.
    expect(text((await getPage('/me', lead.cookie)).html)).not.toContain('added you to');
  });

  it('list the newest first when the member is then made a lead', async () => {
    const promoted = await lead.client
      .from('workstream_members')
      .update({ role: 'lead' })
      .eq('workstream_id', ws.id)
      .eq('user_id', added.user.id);
    expect(promoted.error).toBeNull();

    const page = text((await getPage('/me', added.cookie)).html);
    const madeLead = page.indexOf(`${leadName} made you a lead of the ${ws.title} workstream`);
    const addedAt = page.indexOf(`${leadName} added you to the ${ws.title} workstream`);
    expect(madeLead).toBeGreaterThan(-1);
    expect(addedAt).toBeGreaterThan(madeLead);
  });

  it('dismiss a notification so it is no longer listed', async () => {
    const { data } = await added.client
      .from('notifications')
      .select('id, verb')
      .eq('verb', 'made_workstream_lead');
    const [madeLead] = data ?? [];
    expect(data).toHaveLength(1);
    const { response, html } = await postForm(
      '/me',
      'dismiss',
      { notification_id: String(madeLead?.id) },
      added.cookie
    );
    expect(response.status).toBe(200);
    expect(text(html)).toContain('The notification has been dismissed');
    expect(text(html)).not.toContain('made you a lead of');
    expect(text(html)).toContain(`added you to the ${ws.title} workstream`);
  });

  it('leave the workstream through the leave form it offers, after which leave is no longer offered', async () => {
    const { response, html } = await postForm(
      `/workstreams/${ws.slug}`,
      'leave',
      { workstream_id: ws.id },
      added.cookie
    );
    expect(response.status).toBe(200);
    expect(text(html)).toContain('You have left this workstream');
    const me = (await getPage('/me', added.cookie)).html;
    expect(text(me)).toContain(`added you to the ${ws.title} workstream`);
    expect(me).not.toContain(`action="/workstreams/${ws.slug}?/leave"`);
  });
});
