// Cross-site form posts are refused, as SvelteKit's own check does, with one exception:
// RFC 8058's one-click unsubscribe, which mail providers POST from their servers with no
// Origin header. Kit's check cannot make exceptions (it runs before any hook), so it is
// switched off in vite.config.ts (`csrf.trustedOrigins: ['*']`) and done here instead.
// /unsubscribe is safe to exempt: it needs the email's unguessable token and only turns
// one kind of email off.

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Paths any origin may post forms to. */
export const CROSS_SITE_FORM_PATHS = new Set(['/unsubscribe']);

export function isForbiddenCrossSiteForm(request: Request, url: URL): boolean {
  if (!MUTATING.has(request.method)) return false;
  const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  if (type && !FORM_TYPES.includes(type)) return false;
  if (request.headers.get('origin') === url.origin) return false;
  return !CROSS_SITE_FORM_PATHS.has(url.pathname.replace(/\/$/, '') || '/');
}
