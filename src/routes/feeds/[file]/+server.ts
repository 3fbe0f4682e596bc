import { error } from '@sveltejs/kit';
import { SITE_NAME } from '$app/env/private';
import { isOneOf } from '#lib/labels.ts';
import { FEED_NAMES } from '#lib/open-data.ts';
import * as feeds from '#lib/server/feeds.ts';
import { publicOrigin } from '#lib/server/origin.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { createAnonymousClient } from '#lib/server/supabase.ts';
import type { RequestHandler } from './$types';

// /feeds/outputs.atom and /feeds/events.atom: public items only, whoever asks.
export const GET: RequestHandler = async (event) => {
  const name = /^([a-z]+)\.atom$/.exec(event.params.file)?.[1] ?? '';
  if (!isOneOf(FEED_NAMES, name)) error(404, 'Page not found');
  const client = createAnonymousClient(event);
  const site = { siteName: SITE_NAME, origin: publicOrigin(event.url) };
  let body: string;
  try {
    body =
      name === 'outputs'
        ? await feeds.outputsFeed(client, site)
        : await feeds.eventsFeed(client, site);
  } catch (e) {
    failPage(e);
  }
  return new Response(body, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300'
    }
  });
};
