import { currentUser, requireMember } from '#lib/server/session.ts';
import { fail } from '@sveltejs/kit';
import * as commitments from '#lib/server/commitments.ts';
import * as checkIns from '#lib/server/check-ins.ts';
import { toDataError } from '#lib/server/errors.ts';
import { refused } from '#lib/server/form-actions.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { addDaysTo, todayInLondon } from '#lib/dates.ts';
import { attachOutputSchema, offerHelpSchema } from '#lib/validation/commitment.ts';
import { checkInSchema } from '#lib/validation/check-in.ts';
import { parseForm } from '#lib/validation/form.ts';
import { afterIWill } from '#lib/commitment-title.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = await currentUser(locals);
  try {
    const commitment = await commitments.get(locals.supabase, params.id);
    const isOwner = !!user && commitment.owner_id === user.id;
    // Only the owner attaches evidence: only they need the outputs to choose from.
    const candidates = isOwner ? await commitments.listEvidenceCandidates(locals.supabase) : [];
    const mine = user
      ? commitment.commitment_watchers.find((w) => w.user_id === user.id)
      : undefined;
    return {
      title: `I will ${afterIWill(commitment.title)}`,
      ...described(
        `I will ${afterIWill(commitment.title)}${commitment.so_that ? ` so that ${commitment.so_that}` : ''}`
      ),
      commitment,
      descriptionHtml: renderMarkdown(commitment.description),
      candidates,
      isOwner,
      signedIn: !!user,
      watching: mine?.kind ?? null,
      defaultNextCheckIn: addDaysTo(todayInLondon(), 14)
    };
  } catch (e) {
    failPage(e);
  }
};

export const actions: Actions = {
  checkIn: async ({ request, locals, params, url }) => {
    const user = await requireMember(locals, url.pathname);
    const parsed = parseForm(checkInSchema(todayInLondon()), await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'checkIn', errors: parsed.errors, values: parsed.values });
    try {
      await checkIns.create(locals.supabase, params.id, user.id, parsed.data);
    } catch (e) {
      return refused(
        e,
        { action: 'checkIn', values: parsed.values },
        {
          forbidden:
            'Only the owner of a commitment can check in on it. Your note has not been saved.'
        }
      );
    }
    const closed =
      parsed.data.status_to === 'done'
        ? 'marked as done'
        : parsed.data.status_to === 'dropped'
          ? 'dropped'
          : null;
    return {
      success: closed ? `Your commitment has been ${closed}` : 'Your check-in has been saved'
    };
  },

  watch: async ({ locals, params, url }) => {
    const user = await requireMember(locals, url.pathname);
    try {
      await commitments.watch(locals.supabase, params.id, user.id);
    } catch (e) {
      return refused(
        e,
        { action: 'watch', values: {} },
        { forbidden: 'You cannot watch this commitment.' }
      );
    }
    return { success: 'You are watching this commitment' };
  },

  unwatch: async ({ locals, params, url }) => {
    const user = await requireMember(locals, url.pathname);
    try {
      await commitments.unwatch(locals.supabase, params.id, user.id);
    } catch (e) {
      return refused(
        e,
        { action: 'unwatch', values: {} },
        { forbidden: 'You cannot change who watches this.' }
      );
    }
    return { success: 'You are no longer watching this commitment' };
  },

  offerHelp: async ({ request, locals, params, url }) => {
    const user = await requireMember(locals, url.pathname);
    const parsed = parseForm(offerHelpSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'offerHelp', errors: parsed.errors, values: parsed.values });
    try {
      await commitments.offerHelp(locals.supabase, params.id, user.id, parsed.data.help_note);
    } catch (e) {
      return refused(
        e,
        { action: 'offerHelp', values: parsed.values },
        {
          forbidden: 'You cannot offer help on this commitment.'
        }
      );
    }
    return { success: 'Your offer of help has been sent to the owner' };
  },

  attach: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(attachOutputSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'attach', errors: parsed.errors, values: parsed.values });
    try {
      await commitments.attachOutput(locals.supabase, params.id, parsed.data.output_id);
    } catch (e) {
      const error = toDataError(e);
      return refused(
        error,
        { action: 'attach', values: parsed.values },
        {
          forbidden: `${error.message} Choose another output.`,
          conflict: `${error.message} Choose a different output.`
        }
      );
    }
    return { success: 'The output has been attached as evidence' };
  },

  archive: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const version = Number((await request.formData()).get('version'));
    try {
      await commitments.archive(
        locals.supabase,
        params.id,
        Number.isInteger(version) ? version : 0
      );
    } catch (e) {
      return refused(
        e,
        { action: 'archive', values: {} },
        {
          forbidden: 'Only the owner can archive this commitment.',
          conflict:
            'This commitment changed since you opened the page. Check it and archive it again if you still want to.'
        }
      );
    }
    return { success: 'Your commitment has been archived. It no longer shows in lists.' };
  }
};
