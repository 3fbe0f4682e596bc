import { defineParams } from '@sveltejs/kit/params';
import { isSlug } from './slug.ts';
import { isUuid } from './uuid.ts';

// Kit 3 reads every route param matcher from this one module (`[slug=slug]`, `[id=uuid]`).
export const params = defineParams({
  slug: (param) => (isSlug(param) ? param : undefined),
  uuid: (param) => (isUuid(param) ? param.toLowerCase() : undefined),
  // "<slug>.ics": an event's calendar file (or a feed token), beside /events/<slug>.
  ics: (param) => {
    const name = param.endsWith('.ics') ? param.slice(0, -4) : '';
    return isSlug(name) ? name : undefined;
  }
});
