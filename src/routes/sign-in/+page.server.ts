import { fail, redirect } from '@sveltejs/kit';
import { safeNext } from '#lib/safe-next.ts';
import { describeSendFailure, rememberSignInEmail } from '#lib/server/auth.ts';
import { parseForm } from '#lib/validation/form.ts';
import { emailSchema } from '#lib/validation/sign-in.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  return {
    title: 'Sign in',
    ...described('Sign in to the hub with your email address: we send you a code, no password.'),
    next: safeNext(url.searchParams.get('next'))
  };
};

export const actions: Actions = {
  default: async ({ request, locals, url, cookies }) => {
    const formData = await request.formData();
    const next = safeNext(formData.get('next')?.toString());
    const parsed = parseForm(emailSchema, formData);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });

    const { email } = parsed.data;
    const confirmUrl = new URL('/auth/confirm', url.origin);
    confirmUrl.searchParams.set('next', next);

    const { error } = await locals.supabase.auth.signInWithOtp({
      email,
      options: { emailRedirectTo: confirmUrl.href, shouldCreateUser: true }
    });
    if (error) {
      const failure = describeSendFailure(error);
      if (failure.status === 500) console.error('Sign-in email failed:', error);
      return fail(failure.status, {
        errors: [{ field: 'email', message: failure.message }],
        values: parsed.values
      });
    }

    rememberSignInEmail(cookies, email, url.protocol === 'https:');
    redirect(303, `/sign-in/check-email?next=${encodeURIComponent(next)}`);
  }
};
