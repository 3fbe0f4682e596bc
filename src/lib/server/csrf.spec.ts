import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSiteForm } from './csrf.ts';

const post = (path: string, headers: Record<string, string>) => {
  const url = new URL(path, 'https://hub.example');
  return [new Request(url, { method: 'POST', headers }), url] as const;
};
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('cross-site form posts', () => {
  it('refuses a form posted from another origin or with no origin', () => {
    expect(
      isForbiddenCrossSiteForm(...post('/me/settings', { ...form, origin: 'https://evil.example' }))
    ).toBe(true);
    expect(isForbiddenCrossSiteForm(...post('/me/settings', form))).toBe(true);
    expect(
      isForbiddenCrossSiteForm(...post('/me/settings', { origin: 'https://evil.example' }))
    ).toBe(true);
  });

  it('lets a same-origin form and a JSON request through', () => {
    expect(
      isForbiddenCrossSiteForm(...post('/me/settings', { ...form, origin: 'https://hub.example' }))
    ).toBe(false);
    expect(isForbiddenCrossSiteForm(...post('/api', { 'content-type': 'application/json' }))).toBe(
      false
    );
    const get = new Request('https://hub.example/me/settings');
    expect(isForbiddenCrossSiteForm(get, new URL(get.url))).toBe(false);
  });

  it('lets a mail provider’s one-click unsubscribe through without an origin', () => {
    expect(isForbiddenCrossSiteForm(...post('/unsubscribe?token=x', form))).toBe(false);
    expect(
      isForbiddenCrossSiteForm(
        ...post('/unsubscribe/', { 'content-type': 'multipart/form-data; boundary=x' })
      )
    ).toBe(false);
  });
});
