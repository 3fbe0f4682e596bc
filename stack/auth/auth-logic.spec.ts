import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { paginationLink } from './admin.ts';
import { generateOtp, tokenHash } from './otp.ts';
import { parseChallenge, verifierMatches } from './pkce.ts';
import { describeWait, emailRetryAfter, ipRetryAfter } from './rate-limit.ts';
import { isAllowedRedirect, pathAndQuery, resolveRedirect } from './redirects.ts';
import { generateRefreshToken, isMalformedRefreshToken, sha256Hex } from './tokens.ts';
import { mergeMetadata } from './user.ts';
import { emailProblem, isEmail, MAX_EMAIL_LENGTH } from './http.ts';

describe('refresh tokens', () => {
  it('are lowercase base32 carrying at least 128 random bits and differ each time', () => {
    const tokens = new Set(Array.from({ length: 200 }, generateRefreshToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[a-z2-7]+$/);
      // Five bits per base32 character.
      expect(t.length * 5).toBeGreaterThanOrEqual(128);
    }
  });

  it('reject the malformed shapes GoTrue rejects and accept its own', () => {
    expect(isMalformedRefreshToken('')).toBe(true);
    expect(isMalformedRefreshToken('abc')).toBe(true);
    expect(isMalformedRefreshToken('ABCDEFGHIJKL')).toBe(true);
    expect(isMalformedRefreshToken('abcdefghij-k')).toBe(true);
    expect(isMalformedRefreshToken(generateRefreshToken())).toBe(false);
    // Longer tokens (other formats) go on to a lookup rather than a format error.
    expect(isMalformedRefreshToken('a'.repeat(40))).toBe(false);
  });

  it('are stored as a sha-256 hex digest', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    );
  });
});

describe('PKCE', () => {
  const verifier = 'a'.repeat(56) + 'b'.repeat(56);
  const s256 = createHash('sha256').update(verifier).digest('base64url');

  it('accepts the verifier whose SHA-256 is the challenge', () => {
    expect(s256).toHaveLength(43);
    expect(verifierMatches(verifier, s256, 's256')).toBe(true);
  });

  it('refuses a different verifier', () => {
    expect(verifierMatches(verifier + '0', s256, 's256')).toBe(false);
  });

  it('compares plain challenges directly', () => {
    expect(verifierMatches(verifier, verifier, 'plain')).toBe(true);
    expect(verifierMatches(verifier, s256, 'plain')).toBe(false);
  });

  it('treats two missing challenge fields as the implicit flow', () => {
    expect(parseChallenge(null, null)).toBeNull();
    expect(parseChallenge(undefined, '')).toBeNull();
  });

  it('needs both challenge fields, a known method and a well-formed challenge', () => {
    expect(parseChallenge(s256, null)).toBeTypeOf('string');
    expect(parseChallenge(null, 's256')).toBeTypeOf('string');
    expect(parseChallenge(s256, 'md5')).toBeTypeOf('string');
    expect(parseChallenge('short', 's256')).toBeTypeOf('string');
    expect(parseChallenge(s256 + '!', 's256')).toBeTypeOf('string');
    expect(parseChallenge(s256, 'S256')).toEqual({ challenge: s256, method: 's256' });
  });
});

describe('one-time codes', () => {
  it('are six digits', () => {
    for (let i = 0; i < 100; i++) expect(generateOtp()).toMatch(/^\d{6}$/);
  });

  it('hash as hex SHA-224 of email and code, prefixed pkce_ in the PKCE flow', () => {
    const expected = createHash('sha224').update('a@example.test123456').digest('hex');
    expect(tokenHash('a@example.test', '123456')).toBe(expected);
    expect(tokenHash('a@example.test', '123456', true)).toBe(`pkce_${expected}`);
  });
});

describe('rate-limit windows', () => {
  it('allow an email when none was sent before or the window has passed', () => {
    expect(emailRetryAfter(null, 60)).toBe(0);
    expect(emailRetryAfter(60, 60)).toBe(0);
    expect(emailRetryAfter(61.5, 60)).toBe(0);
  });

  it('round the wait for an email up to whole seconds', () => {
    expect(emailRetryAfter(0.2, 60)).toBe(60);
    expect(emailRetryAfter(15.5, 60)).toBe(45);
    expect(emailRetryAfter(59.9, 60)).toBe(1);
  });

  it('allow an IP until it reaches the hourly limit', () => {
    expect(ipRetryAfter(0, null, 30)).toBe(0);
    expect(ipRetryAfter(29, 100, 30)).toBe(0);
  });

  it('make a full IP wait until its oldest request leaves the hour', () => {
    expect(ipRetryAfter(30, 600, 30)).toBe(3000);
    expect(ipRetryAfter(31, 3599.5, 30)).toBe(1);
  });

  it('describe waits in words', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(45)).toBe('45 seconds');
    expect(describeWait(60)).toBe('1 minute');
    expect(describeWait(3000)).toBe('50 minutes');
  });
});

describe('redirects', () => {
  const site = 'http://127.0.0.1:3000';

  it('allow the site origin and configured URLs', () => {
    expect(isAllowedRedirect('http://127.0.0.1:3000/workstreams?x=1', site)).toBe(true);
    expect(isAllowedRedirect('https://hub.example/app/a', site, ['https://hub.example/app'])).toBe(
      true
    );
    expect(
      isAllowedRedirect('https://x.preview.example/a/b', site, ['https://*.preview.example/**'])
    ).toBe(true);
  });

  it('refuse other origins and non-http schemes', () => {
    expect(isAllowedRedirect('http://evil.example/', site)).toBe(false);
    expect(isAllowedRedirect('http://127.0.0.1:3001/', site)).toBe(false);
    expect(isAllowedRedirect('javascript:alert(1)', site)).toBe(false);
    expect(isAllowedRedirect('https://hub.example/other', site, ['https://hub.example/app'])).toBe(
      false
    );
    expect(resolveRedirect('http://evil.example/', site)).toBe(site);
  });

  it('pass on the path and query for the app', () => {
    expect(pathAndQuery('http://127.0.0.1:3000/outputs/3?tab=notes')).toBe('/outputs/3?tab=notes');
  });
});

describe('metadata updates', () => {
  it('set keys and delete those given as null', () => {
    expect(mergeMetadata({ a: 1, b: 2 }, { b: null, c: 3 })).toEqual({ a: 1, c: 3 });
    expect(mergeMetadata(null, { a: 'x' })).toEqual({ a: 'x' });
  });
});

describe('admin pagination', () => {
  it('puts page first and links to the next and last pages', () => {
    expect(paginationLink('/admin/users', 1, 2, 5)).toBe(
      '</admin/users?page=2&per_page=2>; rel="next", </admin/users?page=3&per_page=2>; rel="last"'
    );
  });

  it('has only a last link on the last page', () => {
    expect(paginationLink('/admin/users', 3, 2, 5)).toBe(
      '</admin/users?page=3&per_page=2>; rel="last"'
    );
    expect(paginationLink('/admin/users', 1, 50, 0)).toBe(
      '</admin/users?page=1&per_page=50>; rel="last"'
    );
  });
});

describe('email addresses', () => {
  it('accept an ordinary address and refuse ones without a single @ or a dotted domain', () => {
    expect(isEmail('aisha.khan@demo.localgov.test')).toBe(true);
    for (const bad of ['', 'no-at', '@x.test', 'a@b', 'a@b.', 'a@.b', 'a@@b.test', 'a b@c.test'])
      expect(isEmail(bad), bad).toBe(false);
  });

  it('refuse a 40 KB address as too long (422) before any pattern looks at it', () => {
    const huge = 'a'.repeat(20_000) + '@' + 'b'.repeat(20_000) + '.test';
    const problem = emailProblem(huge);
    expect(problem?.status).toBe(422);
    expect(problem?.message).toMatch(new RegExp(`at most ${MAX_EMAIL_LENGTH} are allowed`));
  });
});
