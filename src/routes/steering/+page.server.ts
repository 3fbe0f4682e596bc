import { error } from '@sveltejs/kit';
import { DataError } from '#lib/server/errors.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { rememberSteering } from '#lib/server/role-hint.ts';
import { requireMember } from '#lib/server/session.ts';
import { pageCount, pageParam } from '#lib/server/query.ts';
import * as steering from '#lib/server/steering.ts';
import { described } from '#lib/server/meta.ts';
import * as patterns from '#lib/server/patterns.ts';
import * as outcomes from '#lib/server/outcomes.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
  const user = await requireMember(locals, url);
  const workstreamPage = pageParam(url, 'workstreams_page');
  const overduePage = pageParam(url, 'overdue_page');
  let report, dueForReview, matches;
  try {
    // Three requests made together: the report, patterns due a review, and outcomes that
    // organisations work on apart (matchmaking).
    [report, dueForReview, matches] = await Promise.all([
      steering.getReport(locals.supabase, { workstreamPage, overduePage }),
      patterns.dueForReview(locals.supabase),
      outcomes.matches(locals.supabase)
    ]);
  } catch (e) {
    // Refused: a hint left from when they were in the steering group is wrong now.
    if (e instanceof DataError && e.kind === 'forbidden') {
      rememberSteering(cookies, url, user.id, false);
    }
    failPage(e); // 403 for anyone not in the steering group: the database refused
  }
  // The database let them in: the navigation offers Steering from now on.
  rememberSteering(cookies, url, user.id, true);
  const workstreamPages = pageCount(report.workstream_total);
  const overduePages = pageCount(report.overdue_total);
  if (workstreamPage > workstreamPages || overduePage > overduePages) {
    error(404, 'Page not found', { kind: 'not_found' });
  }
  return {
    title: 'Steering group',
    ...described('How every workstream is going, and the commitments whose check-ins are overdue.'),
    report,
    workstreamPage,
    workstreamPages,
    overduePage,
    overduePages,
    dueForReview,
    matches: matches.map((m) => ({
      slug: m.slug,
      title: m.title,
      sentence: `${outcomes.listInWords(m.organisations)} are all working on this`
    }))
  };
};
