import { describe, expect, it } from 'vitest';
import { checkInSchema } from './check-in.ts';
import { commitmentSchema, defaultFirstCheckIn, isRealDate, outcomeIds } from './commitment.ts';
import { parseForm } from './form.ts';
import { editWorkstreamSchema, proposeWorkstreamSchema, slugify } from './workstream.ts';

const TODAY = '2026-11-27';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const commitmentFields = {
  title: ' publish the API ',
  due_on: '2027-03-31',
  so_that: 'others can reuse it',
  description: '',
  workstream_id: '',
  visibility: 'public',
  next_check_in_on: '2026-12-25'
};

describe('making a commitment', () => {
  it('accepts a complete commitment, trimming text and treating blanks as none', () => {
    const parsed = parseForm(commitmentSchema(TODAY), form(commitmentFields));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({
      title: 'publish the API',
      description: null,
      workstream_id: null,
      visibility: 'public',
      next_check_in_on: '2026-12-25'
    });
  });

  it('lists problems in the order of the form and keeps what was typed', () => {
    const parsed = parseForm(
      commitmentSchema(TODAY),
      form({
        ...commitmentFields,
        title: '  ',
        due_on: '2027-02-30',
        so_that: '',
        next_check_in_on: '2026-11-26'
      })
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field)).toEqual([
      'title',
      'due_on',
      'so_that',
      'next_check_in_on'
    ]);
    expect(parsed.errors[3]?.message).toBe(
      'The first check-in date must be today or in the future'
    );
    expect(parsed.values.due_on).toBe('2027-02-30');
  });

  it('accepts today as the first check-in date', () => {
    const parsed = parseForm(
      commitmentSchema(TODAY),
      form({ ...commitmentFields, next_check_in_on: TODAY })
    );
    expect(parsed.ok).toBe(true);
  });

  it('refuses a visibility or workstream that is not from the lists', () => {
    const parsed = parseForm(
      commitmentSchema(TODAY),
      form({ ...commitmentFields, visibility: 'everyone', workstream_id: 'robert' })
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field)).toEqual(['workstream_id', 'visibility']);
  });

  it('needs the version it was opened at when editing, and sends 0 when it is mangled', () => {
    const parsed = parseForm(
      commitmentSchema(TODAY, { editing: true }),
      form({ ...commitmentFields, due_on: '2020-01-01', version: 'x' })
    );
    // An existing due date in the past may stay as it is when editing.
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data.version).toBe(0);
  });

  it('defaults the first check-in to four weeks on, across month ends', () => {
    expect(defaultFirstCheckIn('2026-11-27')).toBe('2026-12-25');
    expect(defaultFirstCheckIn('2027-02-01')).toBe('2027-03-01');
  });

  it('knows real calendar dates from impossible ones', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2027-02-29')).toBe(false);
    expect(isRealDate('27/02/2027')).toBe(false);
  });

  it('only accepts outcome ids', () => {
    expect(outcomeIds.safeParse(['0b6f7c1e-9d2a-4c1b-8f3e-2a1b3c4d5e6f']).success).toBe(true);
    expect(outcomeIds.safeParse(['not-an-id']).success).toBe(false);
  });
});

describe('checking in', () => {
  it('needs a closing note to mark a commitment done', () => {
    const parsed = parseForm(checkInSchema(TODAY), form({ status_to: 'done', note: '  ' }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      { field: 'note', message: 'Enter a closing note: what you did and what it achieved' }
    ]);
  });

  it('needs a reason to drop a commitment', () => {
    const parsed = parseForm(checkInSchema(TODAY), form({ status_to: 'dropped', note: '' }));
    expect(!parsed.ok && parsed.errors[0]?.message).toBe(
      'Enter the reason you are dropping this commitment'
    );
  });

  it('does not ask for a next check-in when the commitment closes', () => {
    const parsed = parseForm(
      checkInSchema(TODAY),
      form({ status_to: 'done', note: 'Shipped', next_check_in_on: '' })
    );
    expect(parsed.ok).toBe(true);
  });

  it('needs a next check-in date, today or later, while it stays open', () => {
    const none = parseForm(checkInSchema(TODAY), form({ status_to: '', note: 'Progress' }));
    expect(!none.ok && none.errors[0]).toEqual({
      field: 'next_check_in_on',
      message: 'Enter the date of your next check-in'
    });
    const past = parseForm(
      checkInSchema(TODAY),
      form({ status_to: 'in_progress', note: 'Progress', next_check_in_on: '2026-11-26' })
    );
    expect(!past.ok && past.errors[0]?.message).toBe(
      'The next check-in date must be today or in the future'
    );
  });

  it('treats no status as no change and refuses statuses it does not know', () => {
    const same = parseForm(
      checkInSchema(TODAY),
      form({ status_to: '', note: 'Still going', next_check_in_on: TODAY })
    );
    expect(same.ok && same.data.status_to).toBeNull();
    const odd = parseForm(
      checkInSchema(TODAY),
      form({ status_to: 'finished', note: 'x', next_check_in_on: TODAY })
    );
    expect(!odd.ok && odd.errors[0]?.field).toBe('status_to');
  });
});

describe('workstreams', () => {
  it('makes web-address slugs from titles', () => {
    expect(slugify('Digital inclusion & skills')).toBe('digital-inclusion-skills');
    expect(slugify('  Café data  ')).toBe('cafe-data');
    expect(slugify('!!!')).toBe('workstream');
  });

  it('needs a title and a purpose to propose one', () => {
    const parsed = parseForm(proposeWorkstreamSchema, form({ title: '', purpose: '' }));
    expect(!parsed.ok && parsed.errors.map((e) => e.field)).toEqual(['title', 'purpose']);
  });

  it('needs a known status when editing', () => {
    const parsed = parseForm(
      editWorkstreamSchema,
      form({ title: 'A', purpose: 'B', status: 'archived', version: '2' })
    );
    expect(!parsed.ok && parsed.errors.map((e) => e.field)).toEqual(['status']);
  });
});
