import { error } from '@sveltejs/kit';
import { SITE_NAME } from '$app/env/private';
import { todayInLondon } from '#lib/dates.ts';
import { digestText, parseSince, type Digest } from '#lib/server/digest.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import { pageCount, pageParam, PAGE_SIZE } from '#lib/server/query.ts';
import * as steering from '#lib/server/steering.ts';
import { described } from '#lib/server/meta.ts';
import type { PageServerLoad } from './$types';

const DIGEST_META = {
  title: 'Weekly digest preview',
  ...described('What the weekly digest email says about the past week, workstream by workstream.')
};

export const load: PageServerLoad = async ({ locals, url }) => {
  await requireMember(locals, url);
  const raw = url.searchParams.get('since') ?? '';
  const parsed = parseSince(raw, todayInLondon());
  if (!parsed.ok) {
    return {
      ...DIGEST_META,
      since: raw,
      errors: [{ field: 'since', message: parsed.message }],
      digest: null,
      text: null,
      page: 1,
      totalPages: 1,
      totalGroups: 0
    };
  }
  let full: Digest;
  try {
    full = await steering.getDigest(locals.supabase, parsed.since);
  } catch (e) {
    failPage(e);
  }
  // A busy week on a large network touches hundreds of workstreams: 25 to a page.
  const page = pageParam(url, 'page');
  const totalPages = pageCount(full.groups.length);
  if (page > totalPages) error(404, 'Page not found', { kind: 'not_found' });
  const digest = { ...full, groups: full.groups.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
  const text = digestText(digest, { siteName: SITE_NAME, siteUrl: url.origin });
  return {
    ...DIGEST_META,
    since: raw,
    errors: [],
    digest,
    text,
    page,
    totalPages,
    totalGroups: full.groups.length
  };
};
