import { describe, expect, it } from 'vitest';
import { described } from './meta.ts';

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
