import { describe, expect, it } from 'vitest';
import { SEARCH_MAX_CHARACTERS, SEARCH_MAX_WORDS, searchSchema } from './search.ts';

const messages = (q: string) => {
  const parsed = searchSchema.safeParse({ q });
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('the search box', () => {
  it('accepts a search of the most words allowed, trimmed', () => {
    const q = Array.from({ length: SEARCH_MAX_WORDS }, (_, i) => `word${i}`).join(' ');
    expect(searchSchema.parse({ q: `  ${q} ` }).q).toBe(q);
  });

  it('refuses one word too many, saying how many are allowed', () => {
    const q = Array.from({ length: SEARCH_MAX_WORDS + 1 }, () => 'bin').join(' ');
    expect(messages(q)).toEqual([`Search for ${SEARCH_MAX_WORDS} words or fewer`]);
  });

  it('refuses text over the length cap, before counting its words', () => {
    expect(messages('a '.repeat(10_000))).toEqual([
      `Search for ${SEARCH_MAX_CHARACTERS} characters or fewer`
    ]);
    expect(messages('x'.repeat(SEARCH_MAX_CHARACTERS))).toEqual([]);
  });

  it('asks for something to search for when the box is empty', () => {
    expect(messages('   ')).toEqual(['Enter what you are looking for']);
  });
});
