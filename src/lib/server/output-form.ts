// The output form's server side, shared by sharing (/outputs/new) and editing
// (/outputs/[slug]/edit): reading and checking what was sent, finding the contributors by
// handle, and the preview.
import { fail } from '@sveltejs/kit';
import type { Client } from './supabase.ts';
import { toDataError } from './errors.ts';
import { parseWithOutcomes } from './form-actions.ts';
import { renderMarkdown } from './markdown.ts';
import * as outputs from './outputs.ts';
import type { Database } from '#lib/database.types.ts';
import { checked } from './form-actions.ts';
import { formValues } from '#lib/validation/form.ts';
import { outputSchema, parseContributors } from '#lib/validation/output.ts';

type ContentStatus = Database['public']['Enums']['content_status'];

/**
 * What an output may be saved as from where it is: a draft stays a draft or is published;
 * once published it stays published or is archived (and an archived one can come back).
 */
export function statusChoices(current: ContentStatus | null) {
  const draft = {
    value: 'draft',
    text: 'Draft',
    hint: 'Only you and the other contributors can see it.'
  };
  const published = {
    value: 'published',
    text: 'Published',
    hint: 'Anyone can find it, on the outputs list and its outcomes’ pages.'
  };
  const archived = {
    value: 'archived',
    text: 'Archived',
    hint: 'It leaves the lists; its page stays, saying it is archived.'
  };
  if (current === null || current === 'draft') return [draft, published];
  return [published, archived];
}

/**
 * The form, checked: its fields, outcomes and contributor rows, with contributors' handles
 * turned into profile ids (one request). On any problem, `failure` is the 400 to return,
 * with every problem in form order and what was typed kept.
 */
export async function readOutputForm(client: Client, formData: FormData, editing: boolean) {
  const form = parseWithOutcomes(outputSchema({ editing }), formData);
  const people = parseContributors(formData);
  const values = formValues(formData);
  const outcomes = checked(formData, 'outcome');
  const errors = form.ok ? [] : [...(form.failure.data.errors ?? [])];
  // "Another licence" needs its link; checked here so it shows whatever else is wrong.
  if (
    values.licence === 'other' &&
    !values.licence_url?.trim() &&
    !errors.some((e) => e.field === 'licence_url')
  ) {
    const at = errors.findIndex((e) =>
      ['workstream_id', 'outcome', 'status'].includes(e.field ?? '')
    );
    errors.splice(at === -1 ? errors.length : at, 0, {
      field: 'licence_url',
      message: 'Enter a link to the licence, so people know what they may do with it'
    });
  }
  const statusError = errors.findIndex((e) => e.field === 'status');
  // Contributors come before status on the form.
  const before = statusError === -1 ? errors.length : statusError;
  const contributorErrors = [...people.errors];
  let ids = new Map<string, string>();
  if (people.rows.length) {
    ids = await outputs.profileIdsByHandle(
      client,
      people.rows.map((r) => r.handle)
    );
    for (const row of people.rows) {
      if (!ids.has(row.handle))
        contributorErrors.push({
          field: `contributor_${row.n}`,
          message: `No member has the handle “${row.handle}”. Check the end of their profile address, like aisha-khan`
        });
    }
  }
  contributorErrors.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
  errors.splice(before, 0, ...contributorErrors);
  if (!form.ok || errors.length) {
    return { ok: false as const, failure: fail(400, { errors, values, outcomes }) };
  }
  return {
    ok: true as const,
    input: form.data,
    outcomeIds: form.outcomeIds,
    contributors: people.rows.map((r) => ({ id: ids.get(r.handle)!, credit: r.credit })),
    values,
    outcomes
  };
}

const fieldOrder = (field = '') => {
  const m = /^(contributor|credit)_(\d+)$/.exec(field);
  return m ? Number(m[2]) * 2 + (m[1] === 'credit' ? 1 : 0) : 0;
};

/** "Preview": the form again, as typed, with the description rendered above it. */
export function preview(formData: FormData) {
  const values = formValues(formData);
  return {
    previewHtml: renderMarkdown(values.body),
    values,
    outcomes: checked(formData, 'outcome'),
    errors: []
  };
}

/**
 * The field a rule the database explained is about, so its words show beside it: placing
 * in a workstream, changing others' credits, or taking a published output back to draft.
 */
export function explainedField(cause: unknown): string {
  const { message } = toDataError(cause);
  if (/credited/.test(message)) return 'contributor_1';
  if (/draft/.test(message)) return 'status';
  if (/commitment/.test(message)) return 'title';
  return 'workstream_id';
}
