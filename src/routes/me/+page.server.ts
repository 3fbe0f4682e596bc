import { listMine, listWatched, requireMember } from '#lib/server/commitments.ts';
import { myWorkstreams } from '#lib/server/workstreams.ts';
import { failPage } from '#lib/server/page-errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const user = await requireMember(locals, '/me');
  try {
    const [mine, watched, workstreams] = await Promise.all([
      listMine(locals.supabase, user.id),
      listWatched(locals.supabase, user.id),
      myWorkstreams(locals.supabase, user.id)
    ]);
    return { mine, watched, workstreams };
  } catch (e) {
    failPage(e);
  }
};
