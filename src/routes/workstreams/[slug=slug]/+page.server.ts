import { currentUser, requireMember } from '#lib/server/session.ts';
import { fail } from '@sveltejs/kit';

import { refused } from '#lib/server/form-actions.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = await currentUser(locals);
  try {
    const [workstream, commitments, steering] = await Promise.all([
      workstreams.get(locals.supabase, params.slug),
      workstreams.commitmentsOf(locals.supabase, params.slug),
      workstreams.isSteering(locals.supabase, user?.id)
    ]);
    const me = user ? workstream.workstream_members.find((m) => m.user_id === user.id) : undefined;
    return {
      title: workstream.title,
      ...described(workstream.purpose),
      workstream,
      descriptionHtml: renderMarkdown(workstream.description),
      commitments,
      signedIn: !!user,
      membership: me?.role ?? null,
      following: workstream.follows.length > 0,
      canEdit: steering || me?.role === 'lead',
      canApprove: steering && workstream.status === 'proposed'
    };
  } catch (e) {
    failPage(e);
  }
};

/** The workstream's id and version, from the form (the page rendered them). */
function target(formData: FormData) {
  const id = String(formData.get('workstream_id') ?? '');
  const version = Number(formData.get('version'));
  return { id, version: Number.isInteger(version) ? version : 0 };
}

export const actions: Actions = {
  join: async ({ request, locals, url }) => {
    const user = await requireMember(locals, url.pathname);
    const { id } = target(await request.formData());
    try {
      await workstreams.join(locals.supabase, id, user.id);
    } catch (e) {
      return refused(
        e,
        { action: 'join', values: {} },
        {
          forbidden: 'You cannot join this workstream: it is closed.',
          conflict: 'You are already a member of this workstream.'
        }
      );
    }
    return { success: 'You have joined this workstream' };
  },

  leave: async ({ request, locals, url }) => {
    const user = await requireMember(locals, url.pathname);
    const { id } = target(await request.formData());
    try {
      await workstreams.removeMember(locals.supabase, id, user.id);
    } catch (e) {
      return refused(
        e,
        { action: 'leave', values: {} },
        {
          forbidden: 'You are not a member of this workstream, so there is nothing to leave.'
        }
      );
    }
    return { success: 'You have left this workstream' };
  },

  approve: async ({ request, locals, url }) => {
    await requireMember(locals, url.pathname);
    const { id, version } = target(await request.formData());
    if (!id)
      return fail(400, {
        action: 'approve',
        values: {},
        errors: [{ message: 'Reload the page and try again.' }]
      });
    try {
      await workstreams.approve(locals.supabase, id, version);
    } catch (e) {
      return refused(
        e,
        { action: 'approve', values: {} },
        {
          forbidden: 'Only the steering group can approve a proposed workstream.',
          conflict:
            'This workstream changed since you opened the page. Check it and approve it again.'
        }
      );
    }
    return { success: 'The workstream has been approved and is now active' };
  }
};
