import { ENUMS } from '#lib/labels.ts';
import { z } from 'zod';

/** A slug from a title: "Digital inclusion & skills" → "digital-inclusion-skills". */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/g, '') || 'workstream'
  );
}

const fields = {
  title: z
    .string({ error: 'Enter a title for the workstream' })
    .trim()
    .min(1, 'Enter a title for the workstream')
    .max(200, 'The title must be 200 characters or fewer'),
  purpose: z
    .string({ error: 'Enter the purpose of the workstream' })
    .trim()
    .min(1, 'Enter the purpose of the workstream: what it is for, in a sentence or two')
    .max(1000, 'The purpose must be 1,000 characters or fewer'),
  description: z
    .string()
    .trim()
    .max(20000, 'The description must be 20,000 characters or fewer')
    .optional()
    .transform((value) => (value ? value : null))
};

/** Proposing a new workstream (it starts as a proposal until steering approves it). */
export const proposeWorkstreamSchema = z.object(fields);

/** Editing a workstream: also its status, and the version it was opened at. */
export const editWorkstreamSchema = z.object({
  ...fields,
  status: z.enum(ENUMS.workstream_status, 'Select a status from the list'),
  version: z.coerce.number().int().positive().catch(0)
});

export type ProposeWorkstreamInput = z.output<typeof proposeWorkstreamSchema>;
export type EditWorkstreamInput = z.output<typeof editWorkstreamSchema>;

/** Managing members: whose membership to change. */
export const memberSchema = z.object({
  user_id: z.uuid('Select a member')
});

/** Which of the member's notifications to dismiss (/me). */
export const notificationSchema = z.object({
  notification_id: z.coerce.number().int().positive('Reload the page and try again')
});
