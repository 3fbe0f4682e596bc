import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isLoopbackPeer, localHostFor } from './loopback.ts';

describe('loopback', () => {
  it('counts only 127.0.0.1, ::1 and localhost as hosts that stay on this machine', () => {
    for (const h of ['127.0.0.1', '::1', 'localhost', 'LOCALHOST'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'hub.example.org'])
      expect(isLoopbackHost(h)).toBe(false);
  });

  it('counts peers in 127.0.0.0/8 and ::1 (also IPv4-mapped) as local', () => {
    for (const p of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackPeer(p)).toBe(true);
    for (const p of ['10.0.0.1', '::ffff:10.0.0.1', '2001:db8::1'])
      expect(isLoopbackPeer(p)).toBe(false);
  });

  it('keeps local-only parts on an IPv4 loopback unless the stack is on ::1', () => {
    expect(localHostFor('0.0.0.0')).toBe('127.0.0.1');
    expect(localHostFor('::1')).toBe('::1');
  });
});
