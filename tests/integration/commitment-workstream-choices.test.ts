import { beforeAll, describe, expect, it } from 'vitest';
import { activeWorkstream, commitment } from './ws-fixtures.ts';
import { getPage, member, postForm, text } from './session.ts';

// Members put commitments only in workstreams they are in (the database's placement rule,
// issue 7 item 7): the form offers only those, and a refusal says so on the workstream field.
let someone: Awaited<ReturnType<typeof member>>;
let steering: Awaited<ReturnType<typeof member>>;
let other: Awaited<ReturnType<typeof member>>;
let joined: { id: string };
let notJoined: { id: string };

const optionFor = (id: string) => `<option value="${id}"`;
const made = {
  title: 'write up our housing repairs service',
  due_on: '2030-03-31',
  so_that: 'other councils can copy it',
  visibility: 'public',
  next_check_in_on: '2030-01-15'
};

beforeAll(async () => {
  [someone, steering, other] = await Promise.all([
    member('choices'),
    member('choices-steering', { steering: true }),
    member('choices-other')
  ]);
  joined = await activeWorkstream(other.client, other.user.id, 'Joined');
  notJoined = await activeWorkstream(other.client, other.user.id, 'Not joined');
  const join = await someone.client
    .from('workstream_members')
    .insert({ workstream_id: joined.id, user_id: someone.user.id, role: 'member' });
  if (join.error) throw join.error;
}, 60_000);

describe('the workstream choices of the new-commitment form', () => {
  it('offer a member only the workstreams they have joined', async () => {
    const { html } = await getPage('/commitments/new', someone.cookie);
    expect(html).toContain(optionFor(joined.id));
    expect(html).not.toContain(optionFor(notJoined.id));
  });

  it('offer the steering group every open workstream', async () => {
    const { html } = await getPage('/commitments/new', steering.cookie);
    expect(html).toContain(optionFor(joined.id));
    expect(html).toContain(optionFor(notJoined.id));
  });
});

describe('a commitment put in a workstream the member has not joined', () => {
  it('is refused with the database’s words, linked to the workstream field, with what was typed kept', async () => {
    const { response, html } = await postForm(
      '/commitments/new',
      null,
      { ...made, workstream_id: notJoined.id },
      someone.cookie
    );
    expect(response.status).toBe(403);
    expect(html).toMatch(
      /<a href="#workstream_id">Only members of a workstream can put things in it\. Join the workstream first, or choose one you are a member of\.<\/a>/
    );
    expect(text(html)).not.toContain('You can only make commitments of your own');
    expect(html).toContain('value="write up our housing repairs service"');
    expect(html).toContain('other councils can copy it</textarea>');
  });

  it('is refused the same way when an edit moves it there', async () => {
    const c = await commitment(someone.client, someone.user.id, { workstream_id: joined.id });
    const { response, html } = await postForm(
      `/commitments/${c.id}/edit`,
      null,
      { ...made, title: c.title, workstream_id: notJoined.id, version: String(c.version) },
      someone.cookie
    );
    expect(response.status).toBe(403);
    expect(html).toMatch(
      /<a href="#workstream_id">Only members of a workstream can put things in it\./
    );
    expect(text(html)).not.toContain('Only the owner of a commitment can edit it');
  });
});
