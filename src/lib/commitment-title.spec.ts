import { describe, expect, it } from 'vitest';
import { afterIWill } from './commitment-title.ts';

describe('afterIWill', () => {
  it('lower-cases the capital a member typed at the start of an ordinary word', () => {
    expect(afterIWill('Rewrite the bins guide')).toBe('rewrite the bins guide');
    expect(afterIWill('Co-design a form')).toBe('co-design a form');
  });

  it('keeps "I", acronyms and names with inner capitals as typed', () => {
    for (const title of [
      'I and Tom will pair',
      'API-first the bins service',
      'GOV.UK Notify for reminders',
      'NHS login for the portal',
      'LocalGov Drupal a site',
      'M25 traffic data'
    ]) {
      expect(afterIWill(title)).toBe(title);
    }
  });

  it('leaves titles already in lower case, or starting with a digit, unchanged', () => {
    expect(afterIWill('publish 3 patterns')).toBe('publish 3 patterns');
    expect(afterIWill('3 show-and-tells')).toBe('3 show-and-tells');
    expect(afterIWill('')).toBe('');
  });
});
