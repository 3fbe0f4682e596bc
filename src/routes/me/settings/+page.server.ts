import { fail } from '@sveltejs/kit';
import * as emailSettings from '#lib/server/email/settings.ts';
import { refused } from '#lib/server/form-actions.ts';
import { described } from '#lib/server/meta.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import { toDataError } from '#lib/server/errors.ts';
import { parseEmailSettings } from '#lib/validation/email-settings.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = await requireMember(locals, url);
  try {
    const settings = await emailSettings.get(locals.supabase, user.id);
    return {
      settings,
      title: 'Email settings',
      ...described(
        'Choose how often you get the digest and which emails the Network Hub sends you.'
      )
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const user = await requireMember(locals, url);
    const parsed = parseEmailSettings(await request.formData());
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
    try {
      await emailSettings.save(locals.supabase, parsed.data);
      return { success: 'Your email settings have been saved' };
    } catch (e) {
      if (toDataError(e).kind === 'conflict') {
        // Keep their choices, against the latest version, so saving again works.
        const latest = await emailSettings.get(locals.supabase, user.id).catch(() => null);
        return fail(409, {
          errors: [
            {
              message:
                'Your email settings were changed somewhere else (perhaps by an unsubscribe link or in another tab) since you opened this page. Your choices below have not been saved. Check them and save again.'
            }
          ],
          values: { ...parsed.values, ...(latest ? { version: String(latest.version) } : {}) }
        });
      }
      return refused(
        e,
        { values: parsed.values },
        {
          forbidden: 'You cannot change these email settings. Sign in again and try once more.'
        }
      );
    }
  }
};
