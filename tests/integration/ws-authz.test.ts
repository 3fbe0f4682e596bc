import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient } from './hub.ts';
import { commitment } from './ws-fixtures.ts';
import { member, postForm, text } from './session.ts';

// Only the owner checks in on a commitment. The rule is Row Level Security: the app's
// form action and the API directly are both refused, and nothing is written.
let owner: Awaited<ReturnType<typeof member>>;
let other: Awaited<ReturnType<typeof member>>;

beforeAll(async () => {
  owner = await member('owner');
  other = await member('other');
}, 60_000);

async function checkInsOn(id: string) {
  const { data, error } = await serviceClient()
    .from('check_ins')
    .select('id, note')
    .eq('commitment_id', id);
  if (error) throw error;
  return data;
}

async function stateOf(id: string) {
  const { data, error } = await serviceClient()
    .from('commitments')
    .select('status, next_check_in_on, closing_note, version')
    .eq('id', id)
    .single();
  if (error) throw error;
  return data;
}

describe('checking in on someone else’s commitment', () => {
  it('is refused by the database when another member posts the check-in form', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const before = await stateOf(c.id);

    const { response, html } = await postForm(
      `/commitments/${c.id}`,
      'checkIn',
      { status_to: 'done', note: 'Not mine to close', next_check_in_on: '' },
      other.cookie
    );

    expect(response.status).toBe(403);
    expect(text(html)).toContain('Only the owner of a commitment can check in on it');
    expect(await checkInsOn(c.id)).toEqual([]);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it('is refused by the database when another member inserts a check-in through the API', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const before = await stateOf(c.id);

    const { error } = await other.client.from('check_ins').insert({
      commitment_id: c.id,
      author_id: other.user.id,
      note: 'Sneaky',
      status_to: 'dropped'
    });

    expect(error?.code).toBe('42501');
    expect(await checkInsOn(c.id)).toEqual([]);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it('is refused even when the other member claims to be the author', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const { error } = await other.client
      .from('check_ins')
      .insert({ commitment_id: c.id, author_id: owner.user.id, note: 'Pretending' });
    expect(error?.code).toBe('42501');
    expect(await checkInsOn(c.id)).toEqual([]);
  });

  it('lets the owner check in through the same form (so the refusals above are about who)', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const { response, html } = await postForm(
      `/commitments/${c.id}`,
      'checkIn',
      { status_to: 'in_progress', note: 'Started the work', next_check_in_on: '2030-02-01' },
      owner.cookie
    );
    expect(response.status).toBe(200);
    expect(text(html)).toContain('Your check-in has been saved');
    expect((await checkInsOn(c.id)).map((x) => x.note)).toEqual(['Started the work']);
    const after = await stateOf(c.id);
    expect(after.status).toBe('in_progress');
    expect(after.next_check_in_on).toBe('2030-02-01');
  });

  it('refuses another member editing or archiving the commitment', async () => {
    const c = await commitment(owner.client, owner.user.id);
    const before = await stateOf(c.id);
    const edit = await postForm(
      `/commitments/${c.id}/edit`,
      null,
      {
        title: 'taken over',
        due_on: '2030-01-31',
        so_that: 'x',
        visibility: 'public',
        version: String(c.version)
      },
      other.cookie
    );
    expect(edit.response.status).toBe(403);
    const archive = await postForm(
      `/commitments/${c.id}`,
      'archive',
      { version: String(c.version) },
      other.cookie
    );
    expect(archive.response.status).toBe(403);
    expect(await stateOf(c.id)).toEqual(before);
  });
});
