import { requireMember } from '#lib/server/session.ts';
import * as commitments from '#lib/server/commitments.ts';
import * as workstreams from '#lib/server/workstreams.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const user = await requireMember(locals, '/me');
  try {
    const [mine, watched, memberships] = await Promise.all([
      commitments.listMine(locals.supabase, user.id),
      commitments.listWatched(locals.supabase, user.id),
      workstreams.listMine(locals.supabase, user.id)
    ]);
    return { mine, watched, workstreams: memberships };
  } catch (e) {
    failPage(e);
  }
};
