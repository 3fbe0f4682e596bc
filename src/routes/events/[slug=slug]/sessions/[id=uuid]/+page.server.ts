import { fail, redirect } from '@sveltejs/kit';
import { currentUser, requireMember } from '#lib/server/session.ts';
import * as eventSessions from '#lib/server/event-sessions.ts';
import { editRefused, refused } from '#lib/server/form-actions.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import { formatDate, todayInLondon } from '#lib/dates.ts';
import { parseForm } from '#lib/validation/form.ts';
import {
  blockInstants,
  commitFromSessionSchema,
  notesSchema,
  sessionEditSchema
} from '#lib/validation/event-session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = await currentUser(locals);
  try {
    // The session with its event, and (signed in) whether the reader may write its notes.
    const [{ event: e, session: s }, canWrite] = await Promise.all([
      eventSessions.session(locals.supabase, params.slug, params.id),
      user ? eventSessions.canWriteNotes(locals.supabase, params.id) : false
    ]);
    const interest = s.pitches.reduce((n, p) => n + (p.pitch_interests[0]?.count ?? 0), 0);
    // The organisers arrange the grid; presenters may change their own session's details.
    const isOrganiser = !!user && e.event_organisers.some((o) => o.user_id === user.id);
    const isPresenter = !!user && s.session_presenters.some((p) => p.user_id === user.id);
    const hasNotes = !!(s.notes?.trim() || s.what_next?.trim());
    return {
      title: `${s.title}: ${e.title}`,
      ...described(s.what_next ? `What next: ${s.what_next}` : s.description),
      event: { slug: e.slug, title: e.title, isCamp: e.kind === 'camp' },
      session: {
        id: s.id,
        title: s.title,
        description: s.description,
        room: s.room,
        day: s.starts_at ? formatDate(todayInLondon(new Date(s.starts_at))) : null,
        when: eventSessions.sessionWhen(s.starts_at, s.ends_at),
        presenters: eventSessions.nameList(
          s.session_presenters.flatMap((p) => (p.profiles ? [p.profiles.display_name] : []))
        ),
        outputs: s.session_outputs.flatMap((o) => (o.outputs ? [o.outputs] : [])),
        shows: s.shows,
        commitment: s.commitment,
        interest: s.pitches.length ? interest : null,
        notesHtml: renderMarkdown(s.notes),
        whatNext: s.what_next,
        values: { notes: s.notes ?? '', what_next: s.what_next ?? '', version: String(s.version) }
      },
      signedIn: !!user,
      canWrite,
      canEdit: isOrganiser || isPresenter,
      canRemove: isOrganiser,
      hasNotes,
      dayChoices: eventSessions.eventDays(e.starts_at, e.ends_at),
      editValues: {
        session_title: s.title,
        room: s.room ?? '',
        day: s.starts_at ? todayInLondon(new Date(s.starts_at)) : '',
        from: s.starts_at ? eventSessions.londonClock(s.starts_at) : '',
        to: s.ends_at ? eventSessions.londonClock(s.ends_at) : '',
        version: String(s.version)
      }
    };
  } catch (err) {
    failPage(err);
  }
};

export const actions: Actions = {
  notes: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(notesSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'notes', errors: parsed.errors, values: parsed.values });
    try {
      await eventSessions.saveNotes(locals.supabase, params.id, parsed.data);
    } catch (e) {
      const failure = await editRefused(
        e,
        { values: parsed.values, outcomes: [] },
        () => eventSessions.notesVersion(locals.supabase, params.id),
        {
          conflict:
            'Someone else saved notes for this session since you opened it. Your notes below have not been saved. Check them against the saved notes and save again.',
          forbidden:
            'Only the presenters, the organisers and people who were there can write these notes. Your notes have not been saved.'
        }
      );
      return failure;
    }
    return { success: 'The notes have been saved' };
  },

  edit: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(sessionEditSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'edit', errors: parsed.errors, values: parsed.values });
    try {
      await eventSessions.edit(locals.supabase, params.id, {
        title: parsed.data.session_title,
        room: parsed.data.room,
        ...blockInstants(parsed.data),
        version: parsed.data.version
      });
    } catch (e) {
      const failure = await editRefused(
        e,
        { values: parsed.values, outcomes: [] },
        () => eventSessions.notesVersion(locals.supabase, params.id),
        {
          conflict:
            'Someone else changed this session since you opened it. Your changes below have not been saved. Check them against the session above and save again.',
          forbidden:
            'Only the organisers and presenters can change a session’s title, room or time. Your changes have not been saved.'
        }
      );
      return fail(failure.status, { ...failure.data, action: 'edit' as const });
    }
    return { success: 'The session has been changed' };
  },

  remove: async ({ locals, params, url }) => {
    await requireMember(locals, url.pathname);
    try {
      await eventSessions.remove(locals.supabase, params.id);
    } catch (e) {
      return refused(
        e,
        { action: 'remove', values: {} },
        {
          forbidden: 'Only the organisers can take a session off the grid.',
          conflict:
            'This session has notes, so it cannot be removed: they are a record of what happened. Change its title or time instead.'
        }
      );
    }
    redirect(303, `/events/${params.slug}/programme?removed=1`);
  },

  commit: async ({ request, locals, params, url }) => {
    await requireMember(locals, url.pathname);
    const parsed = parseForm(commitFromSessionSchema, await request.formData());
    if (!parsed.ok)
      return fail(400, { action: 'commit', errors: parsed.errors, values: parsed.values });
    let id: string;
    try {
      id = await eventSessions.commit(locals.supabase, params.id, parsed.data);
    } catch (e) {
      return refused(
        e,
        { action: 'commit', values: parsed.values },
        {
          forbidden: 'You cannot make a commitment from this session.',
          conflict:
            'Someone has already made this session’s what next into a commitment. Open it from this page to watch it or offer help.'
        }
      );
    }
    redirect(303, `/commitments/${id}?made=1`);
  }
};
