import { describe, expect, it } from 'vitest';
import { listInWords } from './outcomes.ts';

describe('listInWords', () => {
  it('joins two names with “and”', () => {
    expect(listInWords(['Leeds', 'Hackney'])).toBe('Leeds and Hackney');
  });

  it('puts commas between all but the last two', () => {
    expect(listInWords(['Leeds', 'Hackney', 'Devon'])).toBe('Leeds, Hackney and Devon');
  });

  it('leaves one name as it is, and none as nothing', () => {
    expect(listInWords(['Leeds'])).toBe('Leeds');
    expect(listInWords([])).toBe('');
  });
});
