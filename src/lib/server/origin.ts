import { SITE_URL } from '$app/env/private';

/**
 * The hub's public origin ("https://hub.example.org"), for links that leave the page:
 * canonical URLs, OpenGraph, feeds, data files. SITE_URL when set (behind a proxy the
 * request's own origin may be an internal one), else the request's.
 */
export function publicOrigin(url: URL): string {
  return SITE_URL ? new URL(SITE_URL).origin : url.origin;
}
