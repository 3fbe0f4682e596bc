// Who is asking: the one place pages and actions find the signed-in member.
import { redirect } from '@sveltejs/kit';
import type { User } from '@supabase/supabase-js';
import { signInUrl } from '#lib/sign-in-url.ts';
import { failPage } from './page-errors.ts';

export { signInUrl };

/** The signed-in member, or null for a visitor (pages anyone can read). */
export async function currentUser(locals: App.Locals): Promise<User | null> {
  try {
    return (await locals.safeGetSession()).user;
  } catch (e) {
    // The auth service failing is a 503 page, not "you are signed out".
    failPage(e);
  }
}

/** The signed-in member, or a redirect to sign in and come back to `returnTo`. */
export async function requireMember(locals: App.Locals, returnTo: string | URL): Promise<User> {
  const user = await currentUser(locals);
  if (!user) redirect(303, signInUrl(returnTo));
  return user;
}
