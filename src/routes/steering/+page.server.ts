import { error } from '@sveltejs/kit';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import { pageCount, pageParam } from '#lib/server/query.ts';
import * as steering from '#lib/server/steering.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  await requireMember(locals, url);
  const workstreamPage = pageParam(url, 'workstreams_page');
  const overduePage = pageParam(url, 'overdue_page');
  let report;
  try {
    report = await steering.getReport(locals.supabase, { workstreamPage, overduePage });
  } catch (e) {
    failPage(e); // 403 for anyone not in the steering group: the database refused
  }
  const workstreamPages = pageCount(report.workstream_total);
  const overduePages = pageCount(report.overdue_total);
  if (workstreamPage > workstreamPages || overduePage > overduePages) {
    error(404, 'Page not found', { kind: 'not_found' });
  }
  return { report, workstreamPage, workstreamPages, overduePage, overduePages };
};
