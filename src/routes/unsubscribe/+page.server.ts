// One-click unsubscribe (RFC 8058) from the link in every email, without signing in: GET
// shows what the link stops and a button; POST (the button, or a mail client's one-click
// `List-Unsubscribe=One-Click`) stops it. The token names one email's recipient and kind.
import { fail } from '@sveltejs/kit';
import * as emailSettings from '#lib/server/email/settings.ts';
import { serviceTroubleMessage, toDataError } from '#lib/server/errors.ts';
import { described } from '#lib/server/meta.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const tokenFrom = (url: URL, form?: FormData) => {
  const t = String(form?.get('token') ?? url.searchParams.get('token') ?? '').trim();
  return UUID.test(t) ? t.toLowerCase() : null;
};

export const load: PageServerLoad = async ({ locals, url }) => {
  const token = tokenFrom(url);
  const meta = {
    title: 'Stop emails',
    ...described('Stop one kind of email from the Network Hub, from the link in the email.')
  };
  if (!token) return { ...meta, token: null, found: null };
  try {
    const found = await emailSettings.unsubscribeKind(locals.supabase, token);
    return { ...meta, token, found };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const token = tokenFrom(url, await request.formData().catch(() => undefined));
    if (!token)
      return fail(400, {
        errors: [
          {
            message:
              'This unsubscribe link is not complete. Copy the whole link from the email, or change your emails at your email settings.'
          }
        ]
      });
    try {
      const kind = await emailSettings.unsubscribe(locals.supabase, token);
      if (!kind)
        return fail(404, {
          errors: [
            {
              message:
                'We could not find the email this link came from. Sign in and change your emails at your email settings.'
            }
          ]
        });
      return { unsubscribed: kind };
    } catch (e) {
      const trouble = serviceTroubleMessage(toDataError(e).kind);
      return fail(503, { errors: [{ message: trouble ?? 'Something went wrong. Try again.' }] });
    }
  }
};
