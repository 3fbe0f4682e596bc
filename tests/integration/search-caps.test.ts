import { describe, expect, it } from 'vitest';
import { anonClient } from './hub.ts';

// The request that froze the stack (issue 7): a visitor's search of 10,000 words. The
// database refuses it before parsing it, and the data API says why.
describe('searching through the data API', () => {
  it('answers a 20 KB, 10,000-word search with a clear refusal, and a short one with results', async () => {
    const flood = await anonClient().rpc('search', { q: 'bin '.repeat(10_000) });
    expect(flood.status).toBe(400);
    expect(flood.error?.code).toBe('22023');
    expect(flood.error?.message).toBe(
      'Search for 200 characters or fewer and no more than 12 words.'
    );

    const short = await anonClient().rpc('search', { q: 'digital' });
    expect(short.error).toBeNull();
    expect(short.data?.length).toBeGreaterThan(0);
  });
});
