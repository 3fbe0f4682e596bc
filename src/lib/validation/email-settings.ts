import { z } from 'zod';
import { EMAIL_KINDS, type EmailKind } from '#lib/labels.ts';
import type { FieldError, FormValues } from './form.ts';

/** How often the digest email comes (the database's check on profiles.digest_frequency). */
export const DIGEST_FREQUENCIES = [
  { value: 'weekly', text: 'Weekly' },
  { value: 'daily', text: 'Daily' },
  { value: 'never', text: 'Never' }
] as const;

/**
 * Kinds with an on/off box at /me/settings. The digest has its frequency ("Never" is off)
 * and outputs for followed outcomes their own choice (in the digest, or at once).
 */
export const SWITCHABLE_KINDS = EMAIL_KINDS.filter(
  (k): k is Exclude<EmailKind, 'digest' | 'outcome_output'> =>
    k !== 'digest' && k !== 'outcome_output'
);

export interface EmailSettingsInput {
  digest_frequency: 'weekly' | 'daily' | 'never';
  muted_kinds: EmailKind[];
  outcome_outputs_at_once: boolean;
  version: number;
}

const schema = z.object({
  digest_frequency: z.enum(
    DIGEST_FREQUENCIES.map((f) => f.value),
    'Select how often you want the digest email'
  ),
  outcome_outputs: z.enum(['digest', 'at_once'], 'Select how you want to hear about new outputs'),
  // A missing or mangled version is sent as -1, which the database refuses as a conflict.
  version: z.coerce.number().int().min(0).catch(-1)
});

/** The settings form; a kind whose box is not ticked is switched off. */
export function parseEmailSettings(
  form: FormData
):
  | { ok: true; data: EmailSettingsInput; values: FormValues }
  | { ok: false; errors: FieldError[]; values: FormValues } {
  const on = form.getAll('on').map(String);
  const values: FormValues = {
    digest_frequency: String(form.get('digest_frequency') ?? ''),
    outcome_outputs: String(form.get('outcome_outputs') ?? ''),
    on: on.join(','),
    version: String(form.get('version') ?? '')
  };
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const errors: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
    }
    return { ok: false, errors, values };
  }
  const atOnce = parsed.data.outcome_outputs === 'at_once';
  const muted: EmailKind[] = SWITCHABLE_KINDS.filter((k) => !on.includes(k));
  // Outputs for followed outcomes wait for the digest unless wanted at once.
  if (!atOnce) muted.push('outcome_output');
  return {
    ok: true,
    values,
    data: {
      digest_frequency: parsed.data.digest_frequency,
      muted_kinds: muted,
      outcome_outputs_at_once: atOnce,
      version: parsed.data.version
    }
  };
}
