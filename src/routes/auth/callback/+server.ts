import { redirect } from '@sveltejs/kit';
import { resolveNext } from '#lib/safe-next.ts';
import { forgetSignInEmail } from '#lib/server/auth.ts';
import { toDataError } from '#lib/server/errors.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { RequestHandler } from './$types';

// PKCE redirect target (/auth/callback?code=...): swaps the one-time code for a session,
// using the code verifier cookie set when the sign-in email was requested.
export const GET: RequestHandler = async ({ url, locals, cookies }) => {
  const code = url.searchParams.get('code');
  const next = resolveNext(url.searchParams.get('next'), url.origin);
  if (!code) redirect(303, `/auth/error?next=${encodeURIComponent(next)}`);

  const { error } = await locals.supabase.auth.exchangeCodeForSession(code);
  if (error) {
    if (toDataError(error).kind === 'unavailable') failPage(error);
    redirect(303, `/auth/error?next=${encodeURIComponent(next)}`);
  }
  forgetSignInEmail(cookies);
  redirect(303, next);
};
