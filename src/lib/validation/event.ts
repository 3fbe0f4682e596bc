import { z } from 'zod';
import { ENUMS } from '#lib/labels.ts';
import { isClockTime, londonToInstant } from '#lib/london-time.ts';
import { isRealDate } from './commitment.ts';
import type { FieldError } from './form.ts';

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value ? value : null));

const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.uuid(message).nullable());

const date = (what: string, required: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => !required || v !== '', `Enter the date ${what}`)
    .refine(
      (v) => v === '' || isRealDate(v),
      `The date ${what} must be a real date, like 2027-03-31`
    );

const time = (what: string, required: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => !required || v !== '', `Enter the time ${what}`)
    .refine(
      (v) => v === '' || isClockTime(v),
      `The time ${what} must be on a 24-hour clock, like 09:30`
    );

const HANDLE = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * Creating or editing an event. Dates and times are typed on the London clock; the
 * output carries instants (ISO strings) for the database, converted in london-time.ts.
 */
export function eventSchema({ editing = false } = {}) {
  return z.object({
    title: z
      .string({ error: 'Enter the name of the event' })
      .trim()
      .min(1, 'Enter the name of the event')
      .max(200, 'The name must be 200 characters or fewer'),
    kind: z.enum(ENUMS.event_kind, 'Select the kind of event'),
    summary: optionalText(1000, 'The summary must be 1,000 characters or fewer'),
    description: optionalText(50000, 'The description must be 50,000 characters or fewer'),
    starts_on: date('it starts', true),
    starts_time: time('it starts', true),
    ends_on: date('it ends', true),
    ends_time: time('it ends', true),
    venue: optionalText(500, 'The venue must be 500 characters or fewer'),
    is_online: z
      .string()
      .optional()
      .transform((v) => v === 'yes'),
    online_url: optionalText(2000, 'The joining link must be 2,000 characters or fewer').refine(
      (v) => v === null || /^https?:\/\/\S+$/i.test(v),
      'The joining link must be a web address starting https://'
    ),
    joining_instructions: optionalText(
      5000,
      'The joining instructions must be 5,000 characters or fewer'
    ),
    capacity: z
      .string()
      .trim()
      .optional()
      .transform((v) => v ?? '')
      .refine(
        (v) => v === '' || (/^\d{1,6}$/.test(v) && Number(v) > 0),
        'The number of places must be a whole number, like 40, or left empty for no limit'
      )
      .transform((v) => (v === '' ? null : Number(v))),
    opens_on: date('registration opens', false),
    opens_time: time('registration opens', false),
    closes_on: date('registration closes', false),
    closes_time: time('registration closes', false),
    workstream_id: optionalId('Select a workstream from the list'),
    parent_event_id: optionalId('Select the main event from the list'),
    organisers: z
      .string()
      .optional()
      .transform((v) =>
        [
          ...new Set((v ?? '').split(/[\s,]+/).map((h) => h.replace(/^@/, '').toLowerCase()))
        ].filter(Boolean)
      )
      .refine(
        (hs) => hs.every((h) => HANDLE.test(h)),
        'Co-organisers must be member handles, like jo-newton, separated by commas'
      )
      .refine((hs) => hs.length <= 20, 'List 20 co-organisers or fewer'),
    status: z.enum(['draft', 'published'], 'Select whether to publish the event'),
    version: editing ? z.coerce.number().int().positive().catch(0) : z.string().optional()
  });
}

export type EventFields = z.output<ReturnType<typeof eventSchema>>;

/** Event fields with their London dates and times turned into instants (ISO strings). */
export interface EventInput extends EventFields {
  starts_at: string;
  ends_at: string;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
}

/**
 * The checks across fields (ends after it starts, a venue or online, both halves of a
 * registration date), and the instants, once each field is valid on its own.
 */
export function eventInstants(
  v: EventFields
): { ok: true; data: EventInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const at = (d: string, t: string, what: string, fields: [string, string]) => {
    if (d === '' && t === '') return null;
    if (d === '' || t === '') {
      errors.push({
        field: d === '' ? fields[0] : fields[1],
        message: `Enter both the date and the time ${what}, or neither`
      });
      return null;
    }
    return londonToInstant(d, t);
  };
  const startsAt = londonToInstant(v.starts_on, v.starts_time);
  const endsAt = londonToInstant(v.ends_on, v.ends_time);
  if (!v.venue && !v.is_online)
    errors.push({ field: 'venue', message: 'Enter the venue, or say the event is online' });
  if (startsAt && endsAt && endsAt <= startsAt)
    errors.push({ field: 'ends_on', message: 'The event must end after it starts' });
  const opensAt = at(v.opens_on, v.opens_time, 'registration opens', ['opens_on', 'opens_time']);
  const closesAt = at(v.closes_on, v.closes_time, 'registration closes', [
    'closes_on',
    'closes_time'
  ]);
  if (opensAt && closesAt && closesAt <= opensAt)
    errors.push({ field: 'closes_on', message: 'Registration must close after it opens' });
  if (errors.length || !startsAt || !endsAt) return { ok: false, errors };
  return {
    ok: true,
    data: {
      ...v,
      starts_at: startsAt.toISOString(),
      ends_at: endsAt.toISOString(),
      registration_opens_at: opensAt?.toISOString() ?? null,
      registration_closes_at: closesAt?.toISOString() ?? null
    }
  };
}

/** Cancelling an event: the version the organiser saw. */
export const cancelEventSchema = z.object({
  version: z.coerce.number().int().positive().catch(0)
});
