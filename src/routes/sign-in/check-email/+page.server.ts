import { fail, redirect } from '@sveltejs/kit';
import { safeNext } from '#lib/safe-next.ts';
import { signInUrl } from '#lib/sign-in-url.ts';
import { SIGN_IN_EMAIL_COOKIE, forgetSignInEmail } from '#lib/server/auth.ts';
import { UNAVAILABLE_MESSAGE, toDataError } from '#lib/server/errors.ts';
import { parseForm } from '#lib/validation/form.ts';
import { codeSchema } from '#lib/validation/sign-in.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ cookies, url }) => {
  const email = cookies.get(SIGN_IN_EMAIL_COOKIE);
  const next = safeNext(url.searchParams.get('next'));
  // Nothing was sent from this browser (or it was over an hour ago): start again.
  if (!email) redirect(303, signInUrl(next));
  return {
    title: 'Check your email',
    ...described('Enter the code we emailed you to finish signing in.'),
    email,
    next
  };
};

export const actions: Actions = {
  default: async ({ request, cookies, locals }) => {
    const formData = await request.formData();
    const next = safeNext(formData.get('next')?.toString());
    const email = cookies.get(SIGN_IN_EMAIL_COOKIE);
    if (!email) redirect(303, signInUrl(next));

    const parsed = parseForm(codeSchema, formData);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });

    const { error } = await locals.supabase.auth.verifyOtp({
      email,
      token: parsed.data.code,
      type: 'email'
    });
    if (error) {
      const dataError = toDataError(error);
      if (dataError.kind === 'unavailable') {
        return fail(503, { errors: [{ message: UNAVAILABLE_MESSAGE }], values: parsed.values });
      }
      return fail(400, {
        errors: [
          {
            field: 'code',
            message:
              'That code is wrong or has expired. Check the code in the latest email, or ask for a new one.'
          }
        ],
        values: parsed.values
      });
    }

    forgetSignInEmail(cookies);
    redirect(303, next);
  }
};
