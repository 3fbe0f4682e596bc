import { describe, expect, it } from 'vitest';
import { anonClient, hub, serviceClient, signedInClient } from './hub.ts';
import { DEFAULT_ANON_KEY } from '../../stack/keys.ts';

describe('the data API through the gateway', () => {
  it('lets anonymous visitors read public workstreams under RLS, and only those', async () => {
    const anon = await anonClient().from('workstreams').select('slug, status');
    expect(anon.error).toBeNull();
    const all = await serviceClient().from('workstreams').select('slug, status');
    expect(all.error).toBeNull();
    const visible = all.data!.filter((w) => w.status === 'active' || w.status === 'closed');
    expect(anon.data!.length).toBe(visible.length);
    expect(anon.data!.length).toBeGreaterThan(0);
    expect(anon.data!.every((w) => w.status === 'active' || w.status === 'closed')).toBe(true);
  });

  it('refuses an anonymous write with 401 and SQLSTATE 42501', async () => {
    const r = await anonClient()
      .from('workstreams')
      .insert({ slug: 'anon-was-here', title: 'Anon was here', purpose: 'x', status: 'proposed' });
    expect(r.status).toBe(401);
    expect(r.error?.code).toBe('42501');
  });

  it('never shows members-only commitments to anonymous visitors', async () => {
    const anon = await anonClient().from('commitments').select('id, visibility');
    expect(anon.error).toBeNull();
    expect(anon.data!.some((c) => c.visibility === 'members')).toBe(false);
    const member = await (
      await signedInClient()
    ).client
      .from('commitments')
      .select('id, visibility');
    expect(member.data!.some((c) => c.visibility === 'members')).toBe(true);
  });

  it('answers 401 without an API key, and with a forged one', async () => {
    const none = await fetch(`${hub().apiUrl}/rest/v1/workstreams`);
    expect(none.status).toBe(401);
    const forged = await fetch(`${hub().apiUrl}/rest/v1/workstreams`, {
      headers: { apikey: DEFAULT_ANON_KEY.slice(0, -2) + 'xx' }
    });
    expect(forged.status).toBe(401);
  });

  it('answers 401 PGRST301 to a garbage bearer token', async () => {
    const r = await fetch(`${hub().apiUrl}/rest/v1/workstreams`, {
      headers: { apikey: DEFAULT_ANON_KEY, authorization: 'Bearer not-a-jwt' }
    });
    expect(r.status).toBe(401);
    expect((await r.json()).code).toBe('PGRST301');
  });
});
