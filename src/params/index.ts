import { defineParams } from '@sveltejs/kit/params';
import { isSlug } from './slug.ts';
import { isUuid } from './uuid.ts';

// Kit 3 reads every route param matcher from this one module (`[slug=slug]`, `[id=uuid]`).
export const params = defineParams({
  slug: (param) => (isSlug(param) ? param : undefined),
  uuid: (param) => (isUuid(param) ? param.toLowerCase() : undefined)
});
