/**
 * Where to send someone after signing in: only a path on this site. Anything else
 * (another origin, protocol-relative `//evil.example`, backslash tricks, junk) falls back.
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  // A control character or a backslash anywhere can be read as another host by browsers.
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c === '\\')) return fallback;
  try {
    const url = new URL(next, 'http://hub.invalid');
    if (url.origin !== 'http://hub.invalid') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

const AUTH_RETURN_PATHS = ['/auth/confirm', '/auth/callback'];

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
    const path = safeNext(candidate);
    const url = new URL(path, 'http://hub.invalid');
    if (!AUTH_RETURN_PATHS.includes(url.pathname)) return path;
    candidate = url.searchParams.get('next') ?? '/';
  }
  return '/';
}
