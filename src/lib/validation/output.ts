import { z } from 'zod';
import { ENUMS } from '#lib/labels.ts';
import { optionalText } from './commitment.ts';
import type { FieldError } from './form.ts';

const webAddress = (message: string) =>
  z
    .string()
    .trim()
    .max(2000, 'The web address must be 2,000 characters or fewer')
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(
      z
        .string()
        .regex(/^https?:\/\/[^\s]+\.[^\s]+$/i, message)
        .nullable()
    );

/**
 * Sharing or editing an output. `editing` adds the version the editor opened; the
 * statuses offered depend on where the output is (see `statusChoices`).
 */
export function outputSchema({ editing = false } = {}) {
  return z.object({
    title: z
      .string({ error: 'Enter a title' })
      .trim()
      .min(1, 'Enter a title')
      .max(200, 'The title must be 200 characters or fewer'),
    kind: z.enum(ENUMS.output_kind, 'Select what kind of output it is'),
    summary: z
      .string({ error: 'Enter a summary' })
      .trim()
      .min(1, 'Enter a summary: a sentence or two on what it is and who it is for')
      .max(1000, 'The summary must be 1,000 characters or fewer'),
    body: optionalText(100000, 'The description must be 100,000 characters or fewer'),
    external_url: webAddress('Enter the link as a web address, like https://example.org/guide'),
    licence: z.enum(ENUMS.output_licence, 'Select the licence others may reuse it under'),
    licence_url: webAddress(
      'Enter the link to the licence as a web address, like https://example.org/licence'
    ),
    workstream_id: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : null))
      .pipe(z.uuid('Select a workstream from the list').nullable()),
    status: z.enum(ENUMS.content_status, 'Select whether to publish it or keep it as a draft'),
    // A missing or mangled version is sent as 0, which the database refuses as a conflict.
    version: editing ? z.coerce.number().int().positive().catch(0) : z.string().optional()
  });
}

export type OutputInput = z.output<ReturnType<typeof outputSchema>>;

/** How many contributor rows the form has: the ones listed plus room for two more. */
export const MAX_CONTRIBUTORS = 12;

export interface ContributorRow {
  /** The row's number in the form (1-based): fields `contributor_<n>` and `credit_<n>`. */
  n: number;
  handle: string;
  credit: string | null;
}

const HANDLE = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * The contributor rows that were filled in (a member's handle, and their credit such as
 * "research" or "code"), with a problem for each row that is wrong, linked to its field.
 */
export function parseContributors(formData: FormData): {
  rows: ContributorRow[];
  errors: FieldError[];
} {
  const rows: ContributorRow[] = [];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (let n = 1; n <= MAX_CONTRIBUTORS; n++) {
    const raw = formData.get(`contributor_${n}`);
    const rawCredit = formData.get(`credit_${n}`);
    const handle = (typeof raw === 'string' ? raw : '').trim().replace(/^@/, '').toLowerCase();
    const credit = (typeof rawCredit === 'string' ? rawCredit : '').trim();
    if (!handle) {
      if (credit)
        errors.push({
          field: `contributor_${n}`,
          message: `Enter the handle of the member credited with “${credit}”`
        });
      continue;
    }
    if (!HANDLE.test(handle)) {
      errors.push({
        field: `contributor_${n}`,
        message: `“${handle}” is not a member’s handle: use the end of their profile address, like aisha-khan`
      });
      continue;
    }
    if (credit.length > 100) {
      errors.push({ field: `credit_${n}`, message: 'A credit must be 100 characters or fewer' });
      continue;
    }
    if (seen.has(handle)) {
      errors.push({ field: `contributor_${n}`, message: `${handle} is listed twice: remove one` });
      continue;
    }
    seen.add(handle);
    rows.push({ n, handle, credit: credit || null });
  }
  return { rows, errors };
}

/** Rows the form shows: every contributor listed (or typed), and two empty ones. */
export function contributorRows(values: Record<string, string | undefined>): number {
  let last = 0;
  for (let n = 1; n <= MAX_CONTRIBUTORS; n++) {
    if (values[`contributor_${n}`]?.trim() || values[`credit_${n}`]?.trim()) last = n;
  }
  return Math.min(Math.max(last + 2, 3), MAX_CONTRIBUTORS);
}

/** "We've used this": the phase the organisation's work was in, and a note. */
export const reuseSchema = z.object({
  output_id: z.uuid('That output could not be found. Reload the page and try again.'),
  phase: z.enum(ENUMS.delivery_phase, 'Select the phase your work was in when you used it'),
  note: optionalText(2000, 'The note must be 2,000 characters or fewer'),
  version: z.coerce.number().int().positive().optional().catch(undefined)
});
