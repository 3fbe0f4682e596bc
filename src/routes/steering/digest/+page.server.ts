import { SITE_NAME } from '$app/env/private';
import { todayInLondon } from '#lib/dates.ts';
import { digestText, parseSince } from '#lib/server/digest.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { getDigest, requireSignedIn } from '#lib/server/steering.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  await requireSignedIn(locals, url);
  const raw = url.searchParams.get('since') ?? '';
  const parsed = parseSince(raw, todayInLondon());
  if (!parsed.ok) {
    return {
      since: raw,
      errors: [{ field: 'since', message: parsed.message }],
      digest: null,
      text: null
    };
  }
  try {
    const digest = await getDigest(locals.supabase, parsed.since);
    const text = digestText(digest, { siteName: SITE_NAME, siteUrl: url.origin });
    return { since: raw, errors: [], digest, text };
  } catch (e) {
    failPage(e);
  }
};
