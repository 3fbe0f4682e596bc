import { describe, expect, it } from 'vitest';
import { creditLine, creditsFor, usedByText } from './credits.ts';
import { outputKindLabel, phaseLabel } from './labels.ts';

const person = (name: string, organisation: string | null = null) => ({
  profiles: {
    display_name: name,
    organisations: organisation ? { name: organisation } : null
  }
});
const hidden = { profiles: null };

describe('output credits', () => {
  it('names contributors readers may see and counts the rest', () => {
    const credits = creditsFor([
      person('Sophie Turner', 'Essex County Council'),
      hidden,
      person('Aisha Khan', 'Essex County Council')
    ]);
    expect(credits).toEqual({
      names: ['Sophie Turner', 'Aisha Khan'],
      organisations: ['Essex County Council'],
      hidden: 1
    });
    expect(creditLine(credits)).toBe('Sophie Turner, Aisha Khan and 1 other member');
  });

  it('joins names with "and", and speaks of members when no name may be shown', () => {
    expect(creditLine({ names: ['A'], hidden: 0 })).toBe('A');
    expect(creditLine({ names: ['A', 'B', 'C'], hidden: 0 })).toBe('A, B and C');
    expect(creditLine({ names: [], hidden: 2 })).toBe('2 members of the network');
    expect(creditLine({ names: [], hidden: 1 })).toBe('1 member of the network');
    expect(creditLine({ names: [], hidden: 0 })).toBeNull();
  });
});

describe('output words', () => {
  it('counts reusing organisations, saying nothing for none', () => {
    expect(usedByText(7)).toBe('Used by 7 organisations');
    expect(usedByText(1)).toBe('Used by 1 organisation');
    expect(usedByText(0)).toBeNull();
  });

  it('labels kinds and phases as people write them', () => {
    expect(outputKindLabel('data_set')).toBe('Data set');
    expect(outputKindLabel('case_study')).toBe('Case study');
    expect(phaseLabel('alpha')).toBe('Alpha');
    expect(phaseLabel(null)).toBeNull();
  });
});
