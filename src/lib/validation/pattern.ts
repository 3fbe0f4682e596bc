import { ENUMS } from '#lib/labels.ts';
import { optionalText } from '#lib/validation/commitment.ts';
import { z } from 'zod';

/**
 * Proposing or editing a pattern: the sections of a GOV.UK Design System pattern page.
 * The title, summary and problem are needed; the rest can come later.
 */
export function patternSchema({ editing = false } = {}) {
  return z.object({
    title: z
      .string({ error: 'Enter the pattern’s name' })
      .trim()
      .min(1, 'Enter the pattern’s name')
      .max(200, 'The name must be 200 characters or fewer'),
    summary: z
      .string({ error: 'Enter a summary' })
      .trim()
      .min(1, 'Enter a summary: what the pattern helps people do, in a sentence')
      .max(1000, 'The summary must be 1,000 characters or fewer'),
    problem: z
      .string({ error: 'Describe the problem it solves' })
      .trim()
      .min(1, 'Describe the problem it solves, for residents or staff')
      .max(20000, 'The problem must be 20,000 characters or fewer'),
    when_to_use: optionalText(20000, '“When to use” must be 20,000 characters or fewer'),
    when_not_to_use: optionalText(20000, '“When not to use” must be 20,000 characters or fewer'),
    how_it_works: optionalText(50000, '“How it works” must be 50,000 characters or fewer'),
    research_evidence: optionalText(
      50000,
      '“Research and evidence” must be 50,000 characters or fewer'
    ),
    known_gaps: optionalText(20000, '“Known gaps” must be 20,000 characters or fewer'),
    workstream_id: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : null))
      .pipe(z.uuid('Select a workstream from the list').nullable()),
    // A missing or mangled version is sent as 0, which the database refuses as a conflict.
    version: editing ? z.coerce.number().int().positive().catch(0) : z.string().optional()
  });
}

export type PatternInput = z.output<ReturnType<typeof patternSchema>>;

/** Ticked example outputs: every value must be an id. */
export const exampleIds = z
  .array(z.uuid('Select examples from the list'))
  .max(20, 'Select 20 examples or fewer');

/** A review: the maturity it moves to and why. */
export const reviewSchema = z.object({
  maturity: z.enum(ENUMS.pattern_maturity, 'Select the pattern’s maturity'),
  note: z
    .string({ error: 'Say why' })
    .trim()
    .min(1, 'Say why: what the evidence shows, so others can follow the decision')
    .max(2000, 'The note must be 2,000 characters or fewer'),
  version: z.coerce.number().int().positive().catch(0)
});

/** "We use this": the phase of the organisation's work, and a note. */
export const adoptionSchema = z.object({
  phase: z.enum(ENUMS.delivery_phase, 'Select the phase your organisation’s work is in'),
  adoption_note: optionalText(2000, 'The note must be 2,000 characters or fewer')
});

/** Changing the organisation's adoption record, against the version opened. */
export const adoptionEditSchema = adoptionSchema.extend({
  adoption_id: z.uuid('Reload the page and try again'),
  version: z.coerce.number().int().positive().catch(0)
});
