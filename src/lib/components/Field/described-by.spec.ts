import { describe, expect, it } from 'vitest';
import { describedBy } from './described-by.ts';

describe('describedBy', () => {
  it('points at the hint, then the error message, by their ids', () => {
    expect(describedBy('title', true, 'Enter a title')).toBe('title-hint title-error');
  });

  it('points at the error message alone when there is no hint', () => {
    expect(describedBy('region', false, 'Select a region')).toBe('region-error');
  });

  it('points at the hint alone when there is no error', () => {
    expect(describedBy('title', true)).toBe('title-hint');
    expect(describedBy('title', true, '')).toBe('title-hint');
  });

  it('is left out when there is neither', () => {
    expect(describedBy('region', false)).toBeUndefined();
  });
});
