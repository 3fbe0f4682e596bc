import { fail } from '@sveltejs/kit';
import * as organisations from '#lib/server/organisations.ts';
import * as profiles from '#lib/server/profiles.ts';
import { UNAVAILABLE_MESSAGE, toDataError } from '#lib/server/errors.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import { parseForm } from '#lib/validation/form.ts';
import { profileSchema } from '#lib/validation/profile.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = await requireMember(locals, url);
  try {
    const [profile, choices] = await Promise.all([
      profiles.get(locals.supabase, user.id),
      organisations.list(locals.supabase)
    ]);
    return {
      title: 'Your profile',
      ...described('Your name, organisation and what others in the network can see about you.'),
      profile,
      organisations: choices
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const user = await requireMember(locals, url);
    const parsed = parseForm(profileSchema, await request.formData());
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });

    try {
      await profiles.update(locals.supabase, user.id, parsed.data);
      return { saved: true };
    } catch (e) {
      const error = toDataError(e);
      if (error.kind === 'unavailable') {
        return fail(503, { errors: [{ message: UNAVAILABLE_MESSAGE }], values: parsed.values });
      }
      if (error.kind === 'conflict' && error.code === '23505') {
        return fail(409, {
          errors: [{ field: 'handle', message: 'That handle is taken. Choose another one.' }],
          values: parsed.values
        });
      }
      if (error.kind === 'conflict') {
        // Keep what they typed, but against the latest version, so saving again works.
        let latest: number | undefined;
        try {
          latest = (await profiles.get(locals.supabase, user.id)).version;
        } catch {
          latest = undefined;
        }
        return fail(409, {
          errors: [
            {
              message:
                'Your profile was changed somewhere else (perhaps in another tab) since you opened this page. Your changes below have not been saved. Check them and save again.'
            }
          ],
          values: { ...parsed.values, ...(latest ? { version: String(latest) } : {}) }
        });
      }
      if (error.kind === 'invalid') {
        return fail(400, {
          errors: [
            { message: 'Some of your answers could not be saved. Check them and try again.' }
          ],
          values: parsed.values
        });
      }
      throw error;
    }
  }
};
