import { describe, expect, it } from 'vitest';
import { checkApiKey } from './api-keys.ts';

const keys = ['anon-key', 'service-key'];

describe('checkApiKey', () => {
  it('accepts a known key from the header', () => {
    expect(checkApiKey('rest', '/workstreams', 'anon-key', null, keys)).toEqual({
      ok: true,
      apikey: 'anon-key'
    });
  });

  it('accepts a known key from the query string', () => {
    expect(checkApiKey('rest', '/workstreams', undefined, 'service-key', keys).ok).toBe(true);
  });

  it('refuses a request without a key, saying so', () => {
    expect(checkApiKey('rest', '/workstreams', undefined, null, keys)).toEqual({
      ok: false,
      status: 401,
      message: 'No API key found in request'
    });
  });

  it('refuses an unknown key', () => {
    const r = checkApiKey('auth', '/otp', 'forged', null, keys);
    expect(r.ok).toBe(false);
  });

  it('lets email-link routes of the auth service through without a key', () => {
    expect(checkApiKey('auth', '/verify?token=abc&type=magiclink', undefined, null, keys).ok).toBe(
      true
    );
    expect(checkApiKey('auth', '/health', undefined, null, keys).ok).toBe(true);
  });

  it('does not open REST routes that share a name with open auth routes', () => {
    expect(checkApiKey('rest', '/verify', undefined, null, keys).ok).toBe(false);
  });
});
