import { error } from '@sveltejs/kit';
import { failPage } from '#lib/server/page-errors.ts';
import { getReport, pageParam, PAGE_SIZE, requireSignedIn } from '#lib/server/steering.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  await requireSignedIn(locals, url);
  const workstreamPage = pageParam(url, 'workstreams_page');
  const overduePage = pageParam(url, 'overdue_page');
  let report;
  try {
    report = await getReport(locals.supabase, { workstreamPage, overduePage });
  } catch (e) {
    failPage(e); // 403 for anyone not in the steering group: the database refused
  }
  const workstreamPages = Math.max(1, Math.ceil(report.workstreams.total / PAGE_SIZE));
  const overduePages = Math.max(1, Math.ceil(report.overdue.total / PAGE_SIZE));
  if (workstreamPage > workstreamPages || overduePage > overduePages) {
    error(404, 'Page not found', { kind: 'not_found' });
  }
  return { report, workstreamPage, workstreamPages, overduePage, overduePages };
};
