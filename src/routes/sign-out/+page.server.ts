import { redirect } from '@sveltejs/kit';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  title: 'Sign out',
  ...described('Sign out of the hub on this browser.')
});

export const actions: Actions = {
  default: async ({ locals, cookies, url }) => {
    const { error } = await locals.supabase.auth.signOut();
    if (error) {
      // Even if the auth service could not revoke the session, sign out of this browser.
      console.error('Sign-out could not reach the auth service:', error.message);
      for (const { name } of cookies.getAll()) {
        if (name.startsWith('sb-')) cookies.delete(name, { path: '/' });
      }
    }
    cookies.set('flash', 'signed-out', {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
      maxAge: 60
    });
    redirect(303, '/');
  }
};
