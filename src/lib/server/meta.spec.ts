import { describe, expect, it } from 'vitest';
import { canonicalUrl, described, ogTypeOf } from './meta.ts';

describe('described', () => {
  it('gives a page its own description, on one line', () => {
    expect(described('Reusable  forms\nfor councils')).toEqual({
      description: 'Reusable forms for councils'
    });
  });

  it('gives nothing when there is no text, so the layout default stays', () => {
    expect(described(null)).toEqual({});
    expect(described('   ')).toEqual({});
  });

  it('shortens a long text to what search results show, marking the cut', () => {
    const { description } = described('word '.repeat(100));
    expect(description?.length).toBeLessThanOrEqual(160);
    expect(description?.endsWith('…')).toBe(true);
  });
});

describe('canonicalUrl', () => {
  const origin = 'https://hub.example.org';

  it('is the page’s path on the public origin, without the query', () => {
    expect(
      canonicalUrl(origin, new URL('http://127.0.0.1:3000/outputs?kind=guide&utm_source=x'))
    ).toBe('https://hub.example.org/outputs');
  });

  it('keeps the page number of a later page of a list', () => {
    expect(canonicalUrl(origin, new URL('http://internal/commitments?sort=due&page=3'))).toBe(
      'https://hub.example.org/commitments?page=3'
    );
    expect(canonicalUrl(origin, new URL('http://internal/commitments?page=1'))).toBe(
      'https://hub.example.org/commitments'
    );
    expect(canonicalUrl(origin, new URL('http://internal/commitments?page=x'))).toBe(
      'https://hub.example.org/commitments'
    );
  });
});

describe('ogTypeOf', () => {
  it('keeps a type OpenGraph knows and makes anything else a website', () => {
    expect(ogTypeOf('article')).toBe('article');
    expect(ogTypeOf(undefined)).toBe('website');
    expect(ogTypeOf('event')).toBe('website');
  });
});
