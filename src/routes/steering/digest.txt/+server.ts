import { error } from '@sveltejs/kit';
import { SITE_NAME } from '$app/env/private';
import { todayInLondon } from '#lib/dates.ts';
import { digestText, parseSince } from '#lib/server/digest.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import * as steering from '#lib/server/steering.ts';
import type { RequestHandler } from './$types';

// The digest as the plain-text email body the notification capability will send.
export const GET: RequestHandler = async ({ locals, url }) => {
  await requireMember(locals, url);
  const parsed = parseSince(url.searchParams.get('since'), todayInLondon());
  if (!parsed.ok) error(400, parsed.message);
  let text;
  try {
    text = digestText(await steering.getDigest(locals.supabase, parsed.since), {
      siteName: SITE_NAME,
      siteUrl: url.origin
    });
  } catch (e) {
    failPage(e);
  }
  return new Response(text, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'private, no-store'
    }
  });
};
