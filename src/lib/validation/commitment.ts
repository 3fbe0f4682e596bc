import { z } from 'zod';
import { addDaysTo, todayInLondon } from '#lib/dates.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether "yyyy-mm-dd" is a real calendar date (not 31 February). */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The first check-in a new commitment gets unless its owner picks another: four weeks on. */
export function defaultFirstCheckIn(today: string = todayInLondon()): string {
  return addDaysTo(today, 28);
}

/** Optional text: trimmed, at most `max` characters, empty as null. */
export const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value ? value : null));

/**
 * A date typed into a `type=date` input ("yyyy-mm-dd"), today or later in London.
 * `what` names it in messages: "the date you will do it by".
 */
export const futureDate = (
  today: string,
  what: { missing: string; invalid: string; past: string }
) =>
  z
    .string({ error: what.missing })
    .trim()
    .min(1, what.missing)
    .refine(isRealDate, what.invalid)
    .refine((value) => !isRealDate(value) || value >= today, what.past);

/** Ticked outcome checkboxes: every value must be an id. */
export const outcomeIds = z
  .array(z.uuid('Select outcomes from the list'))
  .max(20, 'Select 20 outcomes or fewer');

/**
 * Making or editing a commitment: "I will <title> by <due_on> so that <so_that>".
 * `today` is London's date, so "not in the past" means the same for everyone.
 */
export function commitmentSchema(today: string = todayInLondon(), { editing = false } = {}) {
  return z.object({
    title: z
      .string({ error: 'Enter what you will do' })
      .trim()
      .min(1, 'Enter what you will do')
      .max(200, 'What you will do must be 200 characters or fewer'),
    due_on: editing
      ? z
          .string({ error: 'Enter the date you will do it by' })
          .trim()
          .min(1, 'Enter the date you will do it by')
          .refine(isRealDate, 'The date you will do it by must be a real date, like 2027-03-31')
      : futureDate(today, {
          missing: 'Enter the date you will do it by',
          invalid: 'The date you will do it by must be a real date, like 2027-03-31',
          past: 'The date you will do it by must be today or in the future'
        }),
    so_that: z
      .string({ error: 'Enter the outcome this will lead to' })
      .trim()
      .min(1, 'Enter the outcome this will lead to (“so that …”)')
      .max(500, 'The outcome must be 500 characters or fewer'),
    description: optionalText(20000, 'The description must be 20,000 characters or fewer'),
    workstream_id: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : null))
      .pipe(z.uuid('Select a workstream from the list').nullable()),
    visibility: z.enum(['public', 'members'], 'Select who can see this commitment'),
    next_check_in_on: editing
      ? z
          .string()
          .optional()
          .transform(() => undefined)
      : futureDate(today, {
          missing: 'Enter the date of your first check-in',
          invalid: 'The first check-in date must be a real date, like 2027-01-31',
          past: 'The first check-in date must be today or in the future'
        }),
    // A missing or mangled version is sent as 0, which the database refuses as a conflict.
    version: editing ? z.coerce.number().int().positive().catch(0) : z.string().optional()
  });
}

export type CommitmentInput = z.output<ReturnType<typeof commitmentSchema>>;

/** Offering help: a note saying how. */
export const offerHelpSchema = z.object({
  help_note: z
    .string({ error: 'Say how you could help' })
    .trim()
    .min(1, 'Say how you could help, so the owner knows what you are offering')
    .max(2000, 'Your offer must be 2,000 characters or fewer')
});

export const attachOutputSchema = z.object({
  output_id: z.uuid('Select an output to attach as evidence')
});
