/**
 * Where to send someone after signing in: only a path on this site. Anything else
 * (another origin, protocol-relative `//evil.example`, backslash tricks, encoded slashes,
 * a nested `next`, junk) falls back. Normalising can itself produce a new attack
 * (`/.//evil` becomes `//evil`), so it repeats until the path no longer changes; the
 * result is therefore stable: `safeNext(safeNext(x)) === safeNext(x)`.
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  let current = next ?? '';
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const normalised = normaliseOnce(current);
    if (normalised === null) return fallback;
    if (normalised === current) return current;
    current = normalised;
  }
  return fallback;
}

// Each pass can only shorten or canonicalise; a path still changing after this many is junk.
const MAX_PASSES = 4;
const BASE = 'http://hub.invalid';
// Whitespace (which browsers strip or fold), controls, invisible format characters and
// backslashes: any of them can make a browser read the rest as another host.
const UNSAFE_CHARACTER = /[\s\\\p{Cc}\p{Cf}]/u;
// Encoded slash, backslash, percent (double encoding) or control in the path: a server or
// browser that decodes once more could see `//evil` or `/\evil`.
const ENCODED_UNSAFE = /%(2f|5c|25|[01][0-9a-f]|7f)/i;

function normaliseOnce(next: string): string | null {
  if (!next.startsWith('/') || next.startsWith('//')) return null;
  if (UNSAFE_CHARACTER.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (ENCODED_UNSAFE.test(url.pathname)) return null;
  // A `next` inside `next` is how a redirect gets smuggled through a second hop.
  if ([...url.searchParams.keys()].some((key) => key.toLowerCase() === 'next')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

const AUTH_RETURN_PATH = /^\/auth\/(confirm|callback)(?=[?#]|$)/;

/**
 * The `next` of a sign-in link. Email templates differ: some pass a path, some the whole
 * redirect URL (ours is `<origin>/auth/confirm?next=/x`), so accept this site's absolute
 * URLs and unwrap a `next` that points back at the auth return pages themselves.
 */
export function resolveNext(raw: string | null | undefined, origin: string): string {
  let candidate = raw ?? '';
  for (let depth = 0; depth < 3; depth++) {
    if (/^https?:\/\//i.test(candidate)) {
      try {
        const url = new URL(candidate);
        if (url.origin !== origin) return '/';
        candidate = `${url.pathname}${url.search}${url.hash}`;
      } catch {
        return '/';
      }
    }
    if (!AUTH_RETURN_PATH.test(candidate)) return safeNext(candidate);
    const query = /\?([^#]*)/.exec(candidate)?.[1] ?? '';
    candidate = new URLSearchParams(query).get('next') ?? '/';
  }
  return '/';
}
