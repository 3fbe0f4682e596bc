// Which redirect_to values the service honours: the site itself or a configured extra URL.

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * True when `url` is on the site's origin, or matches an additional redirect URL
 * (exactly, as a path prefix of the same origin, or as a glob with `*` / `**`).
 */
export function isAllowedRedirect(url: string, siteUrl: string, extra: string[] = []): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (u.origin === new URL(siteUrl).origin) return true;
  for (const entry of extra) {
    if (entry.includes('*')) {
      if (globToRegExp(entry).test(url)) return true;
      continue;
    }
    let e: URL;
    try {
      e = new URL(entry);
    } catch {
      continue;
    }
    if (u.origin === e.origin && u.pathname.startsWith(e.pathname)) return true;
  }
  return false;
}

/** The redirect target to use: `requested` when allowed, else the site URL. */
export function resolveRedirect(
  requested: string | undefined | null,
  siteUrl: string,
  extra: string[] = []
): string {
  return requested && isAllowedRedirect(requested, siteUrl, extra) ? requested : siteUrl;
}

/** The path and query of a URL, for the app's `next` parameter. */
export function pathAndQuery(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}
