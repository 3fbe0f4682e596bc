import { safeNext } from '#lib/safe-next.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
  return { next: safeNext(url.searchParams.get('next')) };
};
