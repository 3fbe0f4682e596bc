import { error, isHttpError } from '@sveltejs/kit';
import { csvFileName, toCsv } from '#lib/csv.ts';
import * as events from '#lib/server/events.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import type { RequestHandler } from './$types';

const STATUS_TEXT = { going: 'Going', waitlisted: 'Waiting list', cancelled: 'Cancelled' };

/** The registration list as CSV for organisers: cells guarded against formulas (csv.ts). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  await requireMember(locals, url);
  try {
    const e = await events.getSummary(locals.supabase, params.slug);
    const { rows, canSee } = await events.registrationList(locals.supabase, e.id);
    if (!canSee)
      error(
        403,
        'Only the organisers of an event and the steering group can download who is registered.'
      );
    const body = toCsv([
      [
        'Name',
        'Handle',
        'Organisation',
        'Status',
        'Place on waiting list',
        'Registered at (UTC)',
        'Cancelled at (UTC)'
      ],
      ...rows.map((r) => [
        r.display_name,
        r.handle,
        r.organisation,
        r.status ? STATUS_TEXT[r.status] : '',
        r.waitlist_position,
        r.registered_at,
        r.cancelled_at
      ])
    ]);
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csvFileName(`${e.slug}-registrations`)}"`,
        'cache-control': 'private, no-store'
      }
    });
  } catch (err) {
    if (isHttpError(err)) throw err;
    failPage(err);
  }
};
