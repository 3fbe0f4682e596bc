import { beforeAll, describe, expect, it } from 'vitest';
import { hub, serviceClient } from './hub.ts';
import { getPage, member, restRoundTrips, text } from './session.ts';
import { activeWorkstream, commitment } from './ws-fixtures.ts';

// The signed-in home (issue 12), per persona: what needs them comes first, and a
// members-only commitment in someone else's workstream shows nowhere it should not.
type Member = Awaited<ReturnType<typeof member>>;
let aisha: Member; // member of the lead's workstream, with an overdue commitment
let tom: Member; // leads that workstream
let priya: Member; // steering group
let jo: Member; // newcomer: no workstreams, no commitments
let outsider: Member; // someone in another workstream
let overdue: { id: string; title: string };
let later: { id: string; title: string };
let hidden: { id: string; title: string };

/** A London date `days` from today, as the database stores next check-ins. */
const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function setNextCheckIn(id: string, date: string) {
  const { error } = await serviceClient()
    .from('commitments')
    .update({ next_check_in_on: date })
    .eq('id', id);
  if (error) throw error;
}

beforeAll(async () => {
  [aisha, tom, priya, jo, outsider] = await Promise.all([
    member('home-aisha'),
    member('home-tom'),
    member('home-priya', { steering: true }),
    member('home-jo'),
    member('home-outsider')
  ]);
  const ours = await activeWorkstream(tom.client, tom.user.id, 'Home workstream');
  const theirs = await activeWorkstream(outsider.client, outsider.user.id, 'Other workstream');
  const joined = await aisha.client
    .from('workstream_members')
    .insert({ workstream_id: ours.id, user_id: aisha.user.id, role: 'member' });
  if (joined.error) throw joined.error;

  overdue = await commitment(aisha.client, aisha.user.id, {
    workstream_id: ours.id,
    title: `publish the overdue guide ${ours.slug}`
  });
  later = await commitment(aisha.client, aisha.user.id, {
    workstream_id: ours.id,
    title: `write the later plan ${ours.slug}`,
    due_on: '2031-06-30'
  });
  hidden = await commitment(outsider.client, outsider.user.id, {
    workstream_id: theirs.id,
    visibility: 'members',
    title: `keep this members-only secret ${theirs.slug}`
  });
  await setNextCheckIn(overdue.id, daysFromToday(-3));
  await setNextCheckIn(hidden.id, daysFromToday(-3));
}, 120_000);

describe('the signed-in home', () => {
  it('shows a member their overdue commitment first, with a Check in link to its form', async () => {
    const { response, html, requestId } = await getPage('/', aisha.cookie);
    expect(response.status).toBe(200);
    const page = text(html);
    expect(page).toContain('What needs you');
    expect(html).toContain(`href="/commitments/${overdue.id}#check-in-heading"`);
    const first = page.indexOf(overdue.title);
    expect(first).toBeGreaterThan(-1);
    expect(page.indexOf(later.title)).toBeGreaterThan(first);
    expect(page).toMatch(/Overdue \(\d days\)/);
    // A commitment not due for a check-in has no Check in link on the home page.
    expect(html).not.toContain(`href="/commitments/${later.id}#check-in-heading"`);
    expect(page).not.toContain(hidden.title);
    expect(page).not.toContain('For the steering group');
    expect(page).not.toContain('In the workstreams you lead');
    expect(await restRoundTrips(requestId)).toBeLessThanOrEqual(3);
  });

  it('shows a lead the overdue commitments of their workstream, not of another', async () => {
    const page = text((await getPage('/', tom.cookie)).html);
    expect(page).toContain('In the workstreams you lead');
    expect(page).toContain(overdue.title);
    expect(page).toContain('Since your last visit');
    // Aisha's new commitments in Tom's workstream are news to him, each once.
    expect(page.split(later.title).length - 1).toBe(1);
    expect(page).not.toContain(hidden.title);
  });

  it('shows the steering group the network’s counts, each linking where it is handled', async () => {
    const { html } = await getPage('/', priya.cookie);
    const page = text(html);
    expect(page).toContain('For the steering group');
    expect(page).toMatch(/Overdue commitments\s*[1-9]\d*/);
    expect(html).toContain('href="/workstreams?status=proposed"');
    expect(page).not.toContain(hidden.title);
    // The navigation offers Steering to the steering group, and only to them.
    expect(html).toMatch(/class="govuk-service-navigation__link" href="\/steering"/);
    const memberHtml = (await getPage('/', aisha.cookie)).html;
    expect(memberHtml).not.toMatch(/href="\/steering"/);
  });

  it('keeps Steering in the navigation on the steering group’s other pages', async () => {
    const home = await fetch(`${hub().appUrl}/`, {
      headers: { cookie: priya.cookie }
    });
    const hint = home.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(hint).toContain('hub-steering=');
    const { html } = await getPage('/events', `${priya.cookie}; ${hint}`);
    expect(html).toMatch(/class="govuk-service-navigation__link" href="\/steering"/);
    // The hint names the member it was set for: nobody else signed in on it sees the link.
    const other = await getPage('/events', `${aisha.cookie}; ${hint}`);
    expect(other.html).not.toMatch(/href="\/steering"/);
  });

  it('offers Steering in the navigation once /steering has let the member in', async () => {
    const opened = await fetch(`${hub().appUrl}/steering`, { headers: { cookie: priya.cookie } });
    expect(opened.status).toBe(200);
    expect(opened.headers.getSetCookie().join(';')).toContain(`hub-steering=${priya.user.id}`);
    const refused = await fetch(`${hub().appUrl}/steering`, {
      headers: { cookie: `${aisha.cookie}; hub-steering=${aisha.user.id}` }
    });
    expect(refused.status).toBe(403);
    // A hint the database contradicts is dropped.
    expect(refused.headers.getSetCookie().join(';')).toMatch(/hub-steering=;/);
  });

  it('gives a newcomer a start here instead of empty headings', async () => {
    const page = text((await getPage('/', jo.cookie)).html);
    expect(page).toContain('Start here');
    expect(page).toContain('Browse outputs');
    expect(page).not.toContain('Your commitments to check in on');
    expect(page).not.toContain(hidden.title);
  });

  it('shows a visitor the public home, without anyone’s members-only commitment', async () => {
    const page = text((await getPage('/')).html);
    expect(page).toContain('Sign in or join');
    expect(page).not.toContain('What needs you');
    expect(page).not.toContain(hidden.title);
  });

  it('names the member’s own page the same in the navigation and its title', async () => {
    const { html } = await getPage('/me', aisha.cookie);
    expect(html).toMatch(/<title>Your work – /);
    expect(html).toMatch(/href="\/me" aria-current="page">Your work</);
  });
});
