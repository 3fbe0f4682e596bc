import * as events from '#lib/server/events.ts';
import { refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = await requireMember(locals, url);
  try {
    const token = await events.calendarToken(locals.supabase, user.id);
    return {
      title: 'Your calendar feed',
      feedUrl: token ? `${url.origin}/calendar/${token}.ics` : null
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  // Starting a feed and resetting it are the same call: a new secret address.
  reset: async ({ locals, url }) => {
    await requireMember(locals, url);
    try {
      await events.resetCalendarToken(locals.supabase);
    } catch (e) {
      return refused(
        e,
        { values: {} },
        { forbidden: 'Sign in again to change your calendar feed.' }
      );
    }
    return { success: 'Your calendar feed has a new address. The old one no longer works.' };
  }
};
