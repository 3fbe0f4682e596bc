import { requireMember } from '#lib/server/session.ts';
import { error, fail, isHttpError } from '@sveltejs/kit';

import { refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { parseForm } from '#lib/validation/form.ts';
import { memberSchema } from '#lib/validation/workstream.ts';
import { described } from '#lib/server/meta.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = await requireMember(locals, url.pathname);
  try {
    const [workstream, steering] = await Promise.all([
      workstreams.getForEdit(locals.supabase, params.slug),
      workstreams.isSteering(locals.supabase, user.id)
    ]);
    const lead = workstream.workstream_members.some(
      (m) => m.user_id === user.id && m.role === 'lead'
    );
    if (!lead && !steering) {
      error(403, 'Only the leads of a workstream and the steering group can manage its members.', {
        kind: 'forbidden'
      });
    }
    return {
      title: `Manage members of ${workstream.title}`,
      ...described('Add people to the workstream, make them leads or remove them.'),
      workstream: { id: workstream.id, slug: workstream.slug, title: workstream.title },
      members: workstream.workstream_members,
      me: user.id
    };
  } catch (e) {
    if (isHttpError(e)) throw e;
    failPage(e);
  }
};

async function change(
  request: Request,
  locals: App.Locals,
  slug: string,
  pathname: string,
  what: 'lead' | 'member' | 'remove'
) {
  await requireMember(locals, pathname);
  const parsed = parseForm(memberSchema, await request.formData());
  if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
  try {
    const { id } = await workstreams.getForEdit(locals.supabase, slug);
    if (what === 'remove') await workstreams.removeMember(locals.supabase, id, parsed.data.user_id);
    else await workstreams.setRole(locals.supabase, id, parsed.data.user_id, what);
  } catch (e) {
    return refused(
      e,
      { values: parsed.values },
      {
        forbidden: 'Only the leads of a workstream and the steering group can manage its members.'
      }
    );
  }
  return {
    success:
      what === 'remove'
        ? 'They have been removed from the workstream'
        : what === 'lead'
          ? 'They are now a lead of this workstream'
          : 'They are no longer a lead of this workstream'
  };
}

export const actions: Actions = {
  makeLead: ({ request, locals, params, url }) =>
    change(request, locals, params.slug, url.pathname, 'lead'),
  stepDown: ({ request, locals, params, url }) =>
    change(request, locals, params.slug, url.pathname, 'member'),
  remove: ({ request, locals, params, url }) =>
    change(request, locals, params.slug, url.pathname, 'remove')
};
