import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.ts';

describe('the client address the gateway passes on', () => {
  it('is the socket peer when the peer is not a trusted proxy, whatever it claims', () => {
    expect(clientAddress('127.0.0.2', '203.0.113.9', ['127.0.0.1'])).toBe('127.0.0.2');
    expect(clientAddress('198.51.100.4', undefined, ['127.0.0.1'])).toBe('198.51.100.4');
  });

  it("is the trusted proxy's own entry, the last one, when the app forwards a browser", () => {
    expect(clientAddress('127.0.0.1', '203.0.113.9', ['127.0.0.1'])).toBe('203.0.113.9');
    expect(clientAddress('::ffff:127.0.0.1', 'forged, 203.0.113.9', ['127.0.0.1'])).toBe(
      '203.0.113.9'
    );
  });

  it('is the trusted proxy itself when it forwards nobody', () => {
    expect(clientAddress('127.0.0.1', undefined, ['127.0.0.1'])).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ' ', ['127.0.0.1'])).toBe('127.0.0.1');
  });

  it('trusts no one when no proxy is configured', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.9', [])).toBe('127.0.0.1');
  });
});
