import { optionalText } from '#lib/validation/commitment.ts';
import { z } from 'zod';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Adding or editing an outcome tag (the steering group). */
export function outcomeSchema({ editing = false } = {}) {
  return z.object({
    title: z
      .string({ error: 'Enter the tag’s name' })
      .trim()
      .min(1, 'Enter the tag’s name')
      .max(120, 'The name must be 120 characters or fewer'),
    slug: z
      .string({ error: 'Enter the web address name' })
      .trim()
      .min(1, 'Enter the web address name, like “open-by-default”')
      .max(80, 'The web address name must be 80 characters or fewer')
      .regex(
        SLUG,
        'The web address name must be lower-case letters and numbers with hyphens between words, like “open-by-default”'
      ),
    description: optionalText(2000, 'The description must be 2,000 characters or fewer'),
    kind: z.enum(['principle', 'outcome'], 'Select whether this is a principle or an outcome'),
    version: editing ? z.coerce.number().int().positive().catch(0) : z.string().optional()
  });
}

/** Merging one tag into another. */
export const mergeSchema = z
  .object({
    from_id: z.uuid('Select the tag to merge away'),
    into_id: z.uuid('Select the tag to keep')
  })
  .refine((v) => v.from_id !== v.into_id, {
    path: ['into_id'],
    message: 'Select two different tags: the one to keep must not be the one merged away'
  });

/** Retiring or bringing back a tag, against the version opened. */
export const retireSchema = z.object({
  version: z.coerce.number().int().positive().catch(0)
});
