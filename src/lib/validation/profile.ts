import { z } from 'zod';
import { REGIONS } from '#lib/regions.ts';

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((value) => (value === '' ? null : value));

export const profileSchema = z.object({
  display_name: z
    .string()
    .trim()
    .min(1, 'Enter your name as you want other members to see it')
    .max(120, 'Your name must be 120 characters or fewer'),
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter a handle, like sam-jones')
    .max(40, 'Your handle must be 40 characters or fewer')
    .regex(
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
      'Your handle can only use letters, numbers and hyphens, and cannot start or end with a hyphen'
    ),
  organisation_id: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(z.uuid('Select your organisation from the list').nullable()),
  job_title: optionalText(200, 'Your job title must be 200 characters or fewer'),
  region: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(z.enum(REGIONS, 'Select a region from the list').nullable()),
  // A checkbox sends "yes" when ticked and nothing when not.
  is_public: z
    .string()
    .optional()
    .transform((value) => value === 'yes'),
  // A missing or mangled version is sent as 0, which the database refuses as a conflict.
  version: z.coerce.number().int().positive().catch(0)
});

export type ProfileInput = z.output<typeof profileSchema>;
