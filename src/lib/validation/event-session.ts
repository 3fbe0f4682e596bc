import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { isRealDate } from './commitment.ts';

// Pitches, offers to show, placing sessions in time, notes and what next.

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value ? value : null));

const title = (missing: string, what: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(200, `${what} must be 200 characters or fewer`);

export const pitchSchema = z.object({
  title: title('Enter what your session is about', 'The title'),
  description: optionalText(5000, 'The description must be 5,000 characters or fewer')
});

export const offerSchema = z.object({
  title: title('Enter what you would like to show', 'What you would like to show'),
  description: optionalText(2000, 'The description must be 2,000 characters or fewer'),
  output_id: z
    .string()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.uuid('Select an output from the list').nullable()),
  commitment_id: z
    .string()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.uuid('Select a commitment from the list').nullable())
});

/** "14:30", "14.30", "2:30pm", "2pm" as hours and minutes on the 24-hour clock, or null. */
export function parseClock(value: string): { hours: number; minutes: number } | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(value.trim());
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  const half = m[3]?.toLowerCase();
  if (!m[2] && !half) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return { hours, minutes };
}

/** A London calendar date and clock time as an instant (BST and GMT alike). */
export function londonInstant(date: string, clock: { hours: number; minutes: number }): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new TZDate(y, m - 1, d, clock.hours, clock.minutes, 'Europe/London');
  // TZDate writes its own offset ("+01:00"); the instant is sent in UTC.
  return new Date(local.getTime()).toISOString();
}

const clockField = (missing: string, invalid: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .refine((value) => parseClock(value) !== null, invalid);

/** A start and end time on a day (London), the end after the start. */
const timeBlock = {
  day: z.string({ error: 'Select a day' }).trim().refine(isRealDate, 'Select a day from the list'),
  from: clockField('Enter a start time', 'Enter a start time like 10:00 or 2:30pm'),
  to: clockField('Enter an end time', 'Enter an end time like 11:00 or 3:15pm')
};

/** The instants of a day and two clock times that passed the schemas below. */
export function blockInstants(v: { day: string; from: string; to: string }) {
  return {
    startsAt: londonInstant(v.day, parseClock(v.from)!),
    endsAt: londonInstant(v.day, parseClock(v.to)!)
  };
}

function endAfterStart(v: { day: string; from: string; to: string }, ctx: z.RefinementCtx) {
  if (!isRealDate(v.day) || !parseClock(v.from) || !parseClock(v.to)) return;
  const { startsAt, endsAt } = blockInstants(v);
  if (Date.parse(endsAt) <= Date.parse(startsAt))
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'The end time must be after the start time'
    });
}

/** Placing a pitch in the grid: a room and a time block. */
export const placeSchema = z
  .object({
    pitch_id: z.uuid('Choose a pitch from the board'),
    room: z
      .string({ error: 'Enter a room' })
      .trim()
      .min(1, 'Enter a room')
      .max(100, 'The room must be 100 characters or fewer'),
    ...timeBlock
  })
  .superRefine(endAfterStart);

/** Accepting an offer: into an open slot, or a new slot at a time on the event's day. */
export const acceptSchema = z
  .object({
    offer_id: z.uuid('Choose an offer from the list'),
    slot: z
      .string()
      .optional()
      .transform((value) => (value ? value : null))
      .pipe(z.uuid('Select a slot from the list').nullable()),
    day: z.string().optional().default(''),
    from: z.string().optional().default(''),
    to: z.string().optional().default('')
  })
  .superRefine((v, ctx) => {
    if (v.slot) return;
    if (!isRealDate(v.day))
      ctx.addIssue({ code: 'custom', path: ['day'], message: 'Select a day' });
    if (!parseClock(v.from))
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'Select an open slot, or enter a start time like 12:30 for a new one'
      });
    if (!parseClock(v.to))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Enter an end time like 12:45' });
    endAfterStart(v, ctx);
  });

export const notesSchema = z.object({
  notes: optionalText(50000, 'The notes must be 50,000 characters or fewer'),
  what_next: optionalText(5000, 'What next must be 5,000 characters or fewer'),
  version: z.coerce.number('Reload the page and try again').int().positive()
});

export const commitFromSessionSchema = z.object({
  title: z
    .string({ error: 'Enter what you will do' })
    .trim()
    .min(1, 'Enter what you will do')
    .max(200, 'What you will do must be 200 characters or fewer'),
  so_that: optionalText(1000, 'So that must be 1,000 characters or fewer')
});

/** An organiser's open slot at a show-and-tell: members' offers can be accepted into it. */
export const slotSchema = z
  .object({
    title: z
      .string()
      .trim()
      .max(200, 'The title must be 200 characters or fewer')
      .optional()
      .transform((value) => value || 'Open slot'),
    ...timeBlock
  })
  .superRefine(endAfterStart);

/** Changing a session's title, room and time, against the version the editor opened. */
export const sessionEditSchema = z
  .object({
    // Not "title": the session page's "make this a commitment" form has that field.
    session_title: title('Enter the session’s title', 'The title'),
    room: optionalText(100, 'The room must be 100 characters or fewer'),
    ...timeBlock,
    version: z.coerce.number('Reload the page and try again').int().positive()
  })
  .superRefine(endAfterStart);
