import { describe, expect, it } from 'vitest';
import { pageHref } from './page-href.ts';

describe('pagination links', () => {
  it('keeps the filters and sets the page', () => {
    const url = new URL('http://hub.test/commitments?status=planned&page=2');
    expect(pageHref(url, 3)).toBe('/commitments?status=planned&page=3');
  });

  it('leaves the page off for the first page', () => {
    expect(pageHref(new URL('http://hub.test/commitments?page=4'), 1)).toBe('/commitments');
    expect(pageHref(new URL('http://hub.test/workstreams?status=active&page=4'), 1)).toBe(
      '/workstreams?status=active'
    );
  });
});
