import { csvFileName } from '#lib/csv.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import * as steering from '#lib/server/steering.ts';
import type { RequestHandler } from './$types';

// The tables of /steering as one spreadsheet: every workstream, then the overdue list.
export const GET: RequestHandler = async ({ locals, url }) => {
  await requireMember(locals, url);
  let report;
  try {
    report = await steering.getFullReport(locals.supabase);
  } catch (e) {
    failPage(e);
  }
  // A byte order mark, so Excel reads the file as UTF-8 (names with accents, curly quotes).
  const body = '\uFEFF' + steering.reportCsv(report, url.origin);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(`steering-commitments-${report.today}`)}"`,
      'Cache-Control': 'private, no-store'
    }
  });
};
