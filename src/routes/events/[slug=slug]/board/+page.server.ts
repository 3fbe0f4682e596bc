import { fail, redirect } from '@sveltejs/kit';
import { currentUser, requireMember } from '#lib/server/session.ts';
import * as eventSessions from '#lib/server/event-sessions.ts';
import { DataError } from '#lib/server/errors.ts';
import { refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import { formatRange } from '#lib/dates.ts';
import { parseForm } from '#lib/validation/form.ts';
import { blockInstants, pitchSchema, placeSchema } from '#lib/validation/event-session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = await currentUser(locals);
  try {
    const e = await eventSessions.board(locals.supabase, params.slug, user?.id ?? null);
    if (e.kind !== 'camp')
      throw new DataError('not_found', 'Only camps have a pitching board.', 404);
    const isOrganiser = !!user && e.event_organisers.some((o) => o.user_id === user.id);
    const rooms = [...new Set(e.event_sessions.flatMap((s) => (s.room ? [s.room] : [])))].sort(
      (a, b) => a.localeCompare(b, 'en', { numeric: true })
    );
    const pitches = e.pitches
      .filter((p) => !p.withdrawn_at)
      .map((p) => ({
        id: p.id,
        title: p.title,
        description: p.description,
        pitcher: p.pitcher?.display_name ?? null,
        placed: p.session_id,
        interest: p.pitch_interests[0]?.count ?? 0,
        mine: p.mine.length > 0
      }))
      // Most wanted first, then oldest first (the order they came back in).
      .sort((a, b) => b.interest - a.interest);
    return {
      title: `Pitching board: ${e.title}`,
      ...described(`Pitch a session for ${e.title} and say which ones you’d go to.`),
      event: {
        slug: e.slug,
        title: e.title,
        when: formatRange(e.starts_at, e.ends_at)
      },
      open: eventSessions.isOpen(e),
      signedIn: !!user,
      isOrganiser,
      pitches,
      rooms,
      days: eventSessions.eventDays(e.starts_at, e.ends_at)
    };
  } catch (err) {
    failPage(err);
  }
};

/** The event's id, for a write (RLS decides whether the write may happen). */
async function eventId(locals: App.Locals, slug: string) {
  return (await eventSessions.board(locals.supabase, slug, null)).id;
}

export const actions: Actions = {
  pitch: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(pitchSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'pitch', errors: parsed.errors, values: parsed.values });
    try {
      await eventSessions.pitch(locals.supabase, await eventId(locals, params.slug), parsed.data);
    } catch (e) {
      return refused(
        e,
        { action: 'pitch', values: parsed.values },
        {
          forbidden:
            'Pitches can only be added while the camp is open. Your pitch has not been saved.'
        }
      );
    }
    return { success: `Your pitch “${parsed.data.title}” is on the board` };
  },

  interest: async ({ request, locals, url }) => {
    await requireMember(locals, url.pathname);
    const pitchId = String((await request.formData()).get('pitch_id') ?? '');
    try {
      const on = await eventSessions.toggleInterest(locals.supabase, pitchId);
      return {
        success: on
          ? 'You said you’d go. The organisers see how many people would go when they build the grid.'
          : 'You no longer say you’d go to that session'
      };
    } catch (e) {
      return refused(
        e,
        { action: 'interest', values: {} },
        {
          forbidden: 'You cannot mark interest in this pitch.',
          invalid: 'Choose a pitch on the board.'
        }
      );
    }
  },

  place: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(placeSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'place', errors: parsed.errors, values: parsed.values });
    try {
      await eventSessions.place(locals.supabase, parsed.data.pitch_id, {
        room: parsed.data.room,
        ...blockInstants(parsed.data)
      });
    } catch (e) {
      return refused(
        e,
        { action: 'place', values: parsed.values },
        { forbidden: 'Only the organisers can put a pitch in the session grid.' }
      );
    }
    redirect(303, `/events/${params.slug}/programme?placed=1`);
  }
};
