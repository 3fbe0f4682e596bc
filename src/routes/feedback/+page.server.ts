import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  title: 'Give feedback',
  ...described('Tell the network what works on the hub, what is confusing and what is missing.')
});
