/**
 * The gateway's key check, as Supabase's API gateway does it: a request needs an
 * `apikey` (header or query) that is one of the project's keys. A few auth routes are
 * opened from email links in a browser, so they go without one.
 */
const OPEN_AUTH_ROUTES = [
  '/verify',
  '/callback',
  '/authorize',
  '/health',
  '/.well-known/jwks.json'
];

export type KeyCheck =
  { ok: true; apikey: string } | { ok: false; status: number; message: string };

export function checkApiKey(
  service: 'rest' | 'auth',
  path: string,
  headerKey: string | undefined,
  queryKey: string | null,
  validKeys: string[]
): KeyCheck {
  const apikey = headerKey ?? queryKey ?? undefined;
  if (service === 'auth' && OPEN_AUTH_ROUTES.some((r) => path === r || path.startsWith(r + '?'))) {
    return { ok: true, apikey: apikey ?? '' };
  }
  if (!apikey) {
    return { ok: false, status: 401, message: 'No API key found in request' };
  }
  if (!validKeys.includes(apikey)) {
    return { ok: false, status: 401, message: 'Invalid API key' };
  }
  return { ok: true, apikey };
}
