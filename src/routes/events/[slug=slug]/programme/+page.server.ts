import { fail } from '@sveltejs/kit';
import { currentUser, requireMember } from '#lib/server/session.ts';
import * as eventSessions from '#lib/server/event-sessions.ts';
import { refused } from '#lib/server/form-actions.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import { formatDate, formatRange, todayInLondon } from '#lib/dates.ts';
import { sessionGrid } from '#lib/event-programme.ts';
import { showOfferStatusTag } from '#lib/labels.ts';
import { parseForm } from '#lib/validation/form.ts';
import { acceptSchema, blockInstants, offerSchema } from '#lib/validation/event-session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = await currentUser(locals);
  try {
    // The event and its sessions, and (signed in) the offers the reader may see; then,
    // for organisers, the clashes, or for members, their outputs to link: three at most.
    const [e, offers] = await Promise.all([
      eventSessions.programme(locals.supabase, params.slug),
      user ? eventSessions.offers(locals.supabase, params.slug) : []
    ]);
    const isOrganiser = !!user && e.event_organisers.some((o) => o.user_id === user.id);
    const isCamp = e.kind === 'camp';
    const open = eventSessions.isOpen(e);
    const canOffer = !!user && open && !isCamp;
    const [clashes, work] = await Promise.all([
      isOrganiser ? eventSessions.clashes(locals.supabase, params.slug) : [],
      canOffer && !isOrganiser ? eventSessions.myWork(locals.supabase, user.id) : null
    ]);

    const clashText = (id: string) => {
      const mine = clashes.filter((c) => c.session_id === id);
      if (!mine.length) return null;
      return mine
        .map((c) =>
          c.kind === 'room'
            ? `Same room at the same time as “${c.other_title}”.`
            : `${c.presenter_name ?? 'A presenter'} is also in “${c.other_title}” at this time.`
        )
        .join(' ');
    };
    const shown = (s: eventSessions.ProgrammeSession) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      room: s.room,
      starts_at: s.starts_at,
      ends_at: s.ends_at,
      href: `/events/${e.slug}/sessions/${s.id}`,
      when: eventSessions.sessionWhen(s.starts_at, s.ends_at),
      presenters: eventSessions.nameList(
        s.session_presenters.flatMap((p) => (p.profiles ? [p.profiles.display_name] : []))
      ),
      open: s.session_presenters.length === 0,
      outputs: s.session_outputs.flatMap((o) => (o.outputs ? [o.outputs] : [])),
      shows: s.shows,
      becameCommitment: s.commitment_id,
      interest: isCamp
        ? s.pitches.reduce((n, p) => n + (p.pitch_interests[0]?.count ?? 0), 0)
        : null,
      clash: clashText(s.id)
    });
    const sessions = e.event_sessions.map(shown);
    const grid = isCamp ? sessionGrid(sessions, (at) => todayInLondon(new Date(at))) : null;
    return {
      title: `Programme: ${e.title}`,
      ...described(`The programme for ${e.title}: sessions, presenters and what they led to.`),
      event: { slug: e.slug, title: e.title, when: formatRange(e.starts_at, e.ends_at) },
      isCamp,
      open,
      signedIn: !!user,
      isOrganiser,
      canOffer,
      clashCount: new Set(clashes.map((c) => c.session_id)).size,
      days: grid
        ? grid.days.map((d) => ({
            label: formatDate(d.date),
            rooms: d.rooms,
            blocks: d.blocks.map((b) => ({
              when: eventSessions.sessionWhen(b.starts_at, b.ends_at) ?? '',
              cells: b.cells.map((c) => c.sessions)
            }))
          }))
        : [],
      unplaced: grid ? grid.unplaced : [],
      slots: isCamp ? [] : sessions,
      openSlots: sessions
        .filter((s) => s.open)
        .map((s) => ({ value: s.id, text: s.when ? `${s.when}: ${s.title}` : s.title })),
      dayChoices: eventSessions.eventDays(e.starts_at, e.ends_at),
      offers: offers.map((o) => ({
        id: o.id,
        title: o.title,
        description: o.description,
        status: showOfferStatusTag(o.status),
        isOpen: o.status === 'open',
        mine: o.offered_by === user?.id,
        offerer: o.offerer?.display_name ?? 'A member',
        output: o.outputs,
        commitment: o.commitments
      })),
      outputs: (work?.outputs ?? []).map((o) => ({ value: o.id, text: o.title })),
      commitments: (work?.commitments ?? []).map((c) => ({ value: c.id, text: c.title }))
    };
  } catch (err) {
    failPage(err);
  }
};

export const actions: Actions = {
  offer: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(offerSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'offer', errors: parsed.errors, values: parsed.values });
    try {
      const e = await eventSessions.programme(locals.supabase, params.slug);
      await eventSessions.offer(locals.supabase, e.id, parsed.data);
    } catch (e) {
      return refused(
        e,
        { action: 'offer', values: parsed.values },
        {
          forbidden:
            'Offers can only be made before an event has happened. Your offer has not been saved.',
          invalid: 'Choose one of your published outputs, or none. Your offer has not been saved.'
        }
      );
    }
    return {
      success: `Thank you. The organisers will let you know if “${parsed.data.title}” gets a slot.`
    };
  },

  accept: async ({ request, locals, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(acceptSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'accept', errors: parsed.errors, values: parsed.values });
    try {
      await eventSessions.accept(
        locals.supabase,
        parsed.data.offer_id,
        parsed.data.slot ? { sessionId: parsed.data.slot } : blockInstants(parsed.data)
      );
    } catch (e) {
      return refused(
        e,
        { action: 'accept', values: parsed.values },
        { forbidden: 'Only the organisers can accept an offer to show.' }
      );
    }
    return { success: 'The offer is in the programme and its presenter has been told by email' };
  },

  withdraw: async ({ request, locals, url }) => {
    await requireMember(locals, url.pathname);
    const offerId = String((await request.formData()).get('offer_id') ?? '');
    try {
      await eventSessions.withdraw(locals.supabase, offerId);
    } catch (e) {
      return refused(
        e,
        { action: 'withdraw', values: {} },
        { forbidden: 'Only the person who made an offer can withdraw it.' }
      );
    }
    return { success: 'Your offer has been withdrawn' };
  },

  decline: async ({ request, locals, url }) => {
    await requireMember(locals, url.pathname);
    const offerId = String((await request.formData()).get('offer_id') ?? '');
    try {
      await eventSessions.decline(locals.supabase, offerId);
    } catch (e) {
      return refused(
        e,
        { action: 'decline', values: {} },
        { forbidden: 'Only the organisers can decline an offer to show.' }
      );
    }
    return { success: 'The offer has been declined' };
  }
};
