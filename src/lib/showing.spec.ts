import { describe, expect, it } from 'vitest';
import { showingText } from './showing.ts';

describe('showingText', () => {
  it('says how many of how many when a list is cut short', () => {
    expect(showingText(50, 120)).toBe('Showing 50 of 120.');
  });

  it('says nothing when the list shows them all', () => {
    expect(showingText(3, 3)).toBeNull();
    expect(showingText(0, 0)).toBeNull();
    expect(showingText(0, null)).toBeNull();
  });
});
