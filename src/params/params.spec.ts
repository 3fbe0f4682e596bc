import { describe, expect, it } from 'vitest';
import { isSlug } from './slug.ts';
import { isUuid } from './uuid.ts';

describe('route param matchers', () => {
  it('accepts slugs made of lower-case words joined by single hyphens', () => {
    expect(isSlug('digital-inclusion')).toBe(true);
    expect(isSlug('ws2')).toBe(true);
  });

  it('refuses junk slugs so they 404 before any data is read', () => {
    for (const junk of ['Digital', 'a--b', '-a', 'a-', 'a_b', "x'or'1", '', 'a'.repeat(101)]) {
      expect(isSlug(junk), junk).toBe(false);
    }
  });

  it('accepts UUIDs and refuses anything else', () => {
    expect(isUuid('0b6f7c1e-9d2a-4c1b-8f3e-2a1b3c4d5e6f')).toBe(true);
    expect(isUuid('0b6f7c1e9d2a4c1b8f3e2a1b3c4d5e6f')).toBe(false);
    expect(isUuid('not-a-uuid')).toBe(false);
  });
});
