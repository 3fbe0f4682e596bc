import { safeNext } from '#lib/safe-next.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  return {
    title: 'That sign-in link has expired',
    ...described('Sign-in links work once and for an hour. Ask for a new one to sign in.'),
    next: safeNext(url.searchParams.get('next'))
  };
};
