/**
 * Where to sign in and then come back to `next` (a path on this site, with its query).
 * Browser-safe: links in pages and the server's redirects both use it.
 */
export function signInUrl(next: string | URL): string {
  const back = typeof next === 'string' ? next : `${next.pathname}${next.search}`;
  return `/sign-in?next=${encodeURIComponent(back)}`;
}
