import { describe, expect, it } from 'vitest';
import { choiceParam, MAX_PAGE, pageCount, pageParam, slugParam, textParam } from './query.ts';

const at = (query: string) => new URL(`http://hub.test/list?${query}`);

describe('pageParam', () => {
  it('reads a page number', () => {
    expect(pageParam(at('page=3'))).toBe(3);
  });

  it('treats junk, fractions, zero and negatives as page 1', () => {
    for (const q of ['page=abc', 'page=2.5', 'page=0', 'page=-4', 'page=2abc', '']) {
      expect(pageParam(at(q))).toBe(1);
    }
  });

  it('caps a huge page number at the last page anyone may ask for', () => {
    expect(pageParam(at('page=999999999'))).toBe(MAX_PAGE);
  });

  it('reads a page parameter of another name', () => {
    expect(pageParam(at('overdue_page=2'), 'overdue_page')).toBe(2);
  });
});

describe('pageCount', () => {
  it('counts whole pages, and one page for no rows', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(26)).toBe(2);
    expect(pageCount(10, 5)).toBe(2);
  });
});

describe('slugParam', () => {
  it('keeps a slug and drops anything that cannot be one', () => {
    expect(slugParam(at('outcome=less-duplicated-spend'), 'outcome')).toBe('less-duplicated-spend');
    expect(slugParam(at('outcome=Less%20spend'), 'outcome')).toBeUndefined();
    expect(slugParam(at('outcome=a,b'), 'outcome')).toBeUndefined();
    expect(slugParam(at(''), 'outcome')).toBeUndefined();
  });
});

describe('choiceParam', () => {
  it('keeps only a value from the list', () => {
    const kinds = ['camp', 'meetup'] as const;
    expect(choiceParam(at('kind=camp'), 'kind', kinds)).toBe('camp');
    expect(choiceParam(at('kind=party'), 'kind', kinds)).toBeUndefined();
  });
});

describe('textParam', () => {
  it('keeps name punctuation, drops filter syntax and squeezes spaces', () => {
    expect(textParam(at('organisation=St%20Helens%20%20(Council)'), 'organisation')).toBe(
      'St Helens (Council)'
    );
    expect(textParam(at('organisation=a*b%25c'), 'organisation')).toBe('a b c');
    expect(textParam(at('organisation=%20'), 'organisation')).toBeUndefined();
  });
});
