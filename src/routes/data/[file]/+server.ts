import { error } from '@sveltejs/kit';
import { parseDataFileName } from '#lib/open-data.ts';
import * as openData from '#lib/server/open-data.ts';
import { publicOrigin } from '#lib/server/origin.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { createAnonymousClient } from '#lib/server/supabase.ts';
import type { RequestHandler } from './$types';

// /data/<set>.csv and .json: public rows only, whoever asks (read as an anonymous visitor,
// so RLS decides), streamed as they are read.
export const GET: RequestHandler = async (event) => {
  const file = parseDataFileName(event.params.file);
  if (!file) error(404, 'Page not found');
  let rows;
  try {
    rows = await openData.openRows(
      createAnonymousClient(event),
      file.name,
      publicOrigin(event.url)
    );
  } catch (e) {
    failPage(e);
  }
  return new Response(openData.fileStream(file.name, file.format, rows), {
    headers: {
      'Content-Type': openData.CONTENT_TYPES[file.format],
      'Content-Disposition': `attachment; filename="${file.name}.${file.format}"`,
      // Public data, the same for everyone: shared caches may keep it for a few minutes.
      'Cache-Control': 'public, max-age=300'
    }
  });
};
