// Whether to show "Steering" in the navigation. Knowing it for sure costs a database read,
// and every page has a budget of 3; so the home page, which learns it in its one call,
// remembers it in a cookie holding the member's id, and the layout shows the link when the
// cookie names the signed-in member. It is a hint for the navigation only: /steering
// itself asks the database. See docs/decisions/2026-12-01-steering-link-from-a-role-hint.md.
import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'hub-steering';

export function rememberSteering(cookies: Cookies, url: URL, userId: string, steering: boolean) {
  if (!steering) {
    if (cookies.get(COOKIE)) cookies.delete(COOKIE, { path: '/' });
    return;
  }
  cookies.set(COOKIE, userId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: 60 * 60 * 24 * 30
  });
}

/** Whether the navigation offers "Steering" to this member. */
export function showsSteering(cookies: Cookies, userId: string | undefined): boolean {
  return userId !== undefined && cookies.get(COOKIE) === userId;
}
