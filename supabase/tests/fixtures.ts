// Known fixture content for the authorization matrix. Inserted once per test database as
// the superuser (profile rows come from the auth.users trigger). Every filtered read has
// a distinct expected count, so a policy that lets through one row too many (or too few)
// shows up as a wrong number, not as a coincidence.
import type { Sql } from '../../stack/db/sql.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

export const ids = {
  member: uuid(1),
  anotherMember: uuid(2),
  lead: uuid(3),
  steering: uuid(4),
  bystander: uuid(5),
  orgCouncil: uuid(101),
  orgSupplier: uuid(102),
  outcomeNeed: uuid(201),
  outcomeOpen: uuid(202),
  outcomeData: uuid(203),
  // Workstreams: A is led by lead, B by anotherMember, C is anotherMember's proposal.
  wsLeadActive: uuid(301),
  wsOtherActive: uuid(302),
  wsProposed: uuid(303),
  wsClosed: uuid(304),
  wsPaused: uuid(305),
  // Commitments (see the table in the 000200 block).
  cMemberPublic: uuid(401),
  cMemberMembers: uuid(402),
  cMemberDone: uuid(403),
  cMemberArchived: uuid(404),
  cAnotherPublic: uuid(405),
  cAnotherMembers: uuid(406),
  cAnotherDropped: uuid(407),
  cLeadPublic: uuid(408),
  cBystanderArchived: uuid(409),
  oMemberPublished: uuid(501),
  oMemberDraft: uuid(502),
  oAnotherPublished: uuid(503),
  oAnotherDraft: uuid(504),
  oLeadArchived: uuid(505),
  pMemberPublished: uuid(601),
  pMemberDraft: uuid(602),
  pAnotherDraftInA: uuid(603),
  pLeadPublished: uuid(604),
  eMeetup: uuid(701),
  eCamp: uuid(702),
  eDraft: uuid(703),
  eCancelled: uuid(704),
  ePast: uuid(705),
  sCampRoomAEarly: uuid(801),
  sCampRoomBEarly: uuid(802),
  sCampRoomALate: uuid(803),
  sCampRoomBLate: uuid(804),
  sPastFirst: uuid(805),
  sPastSecond: uuid(806),
  sDraft: uuid(807),
  pitchMember: uuid(901),
  pitchAnother: uuid(902),
  pitchLeadWithdrawn: uuid(903)
};

export interface FixtureUser {
  id: string;
  email: string;
  displayName: string;
}

export interface Fixtures {
  ids: typeof ids;
  users: Record<'member' | 'anotherMember' | 'lead' | 'steering' | 'bystander', FixtureUser>;
}

export const users: Fixtures['users'] = {
  member: { id: ids.member, email: 'mona.member@example.test', displayName: 'Mona Member' },
  anotherMember: {
    id: ids.anotherMember,
    email: 'alex.another@example.test',
    displayName: 'Alex Another'
  },
  lead: { id: ids.lead, email: 'lee.lead@example.test', displayName: 'Lee Lead' },
  steering: { id: ids.steering, email: 'sam.steering@example.test', displayName: 'Sam Steering' },
  // Belongs to no fixture workstream and owns little: the "someone else" in counts.
  bystander: { id: ids.bystander, email: 'bo.bystander@example.test', displayName: 'Bo Bystander' }
};

/** The SQL for each migration's tables, applied in order. */
export const fixtureSql: string[] = [];

// 000100 foundations --------------------------------------------------------------------
fixtureSql.push(`
insert into auth.users (id, aud, role, email, raw_user_meta_data, email_confirmed_at, created_at, updated_at)
select u.id::uuid, 'authenticated', 'authenticated', u.email, jsonb_build_object('display_name', u.name),
       now(), now(), now()
from (values
  ('${users.member.id}', '${users.member.email}', '${users.member.displayName}'),
  ('${users.anotherMember.id}', '${users.anotherMember.email}', '${users.anotherMember.displayName}'),
  ('${users.lead.id}', '${users.lead.email}', '${users.lead.displayName}'),
  ('${users.steering.id}', '${users.steering.email}', '${users.steering.displayName}'),
  ('${users.bystander.id}', '${users.bystander.email}', '${users.bystander.displayName}')
) as u(id, email, name);

insert into public.organisations (id, slug, name, kind, website, created_by) values
  ('${ids.orgCouncil}', 'fixture-council', 'Fixture Borough Council', 'council', 'https://council.example.test', '${ids.member}'),
  ('${ids.orgSupplier}', 'fixture-supplier', 'Fixture Supplier Ltd', 'supplier', null, '${ids.anotherMember}');

-- Public profiles: member and lead (anon sees 2 of 5).
update public.profiles set is_public = true, organisation_id = '${ids.orgCouncil}', job_title = 'Service designer'
  where id in ('${ids.member}', '${ids.lead}');
update public.profiles set organisation_id = '${ids.orgSupplier}' where id = '${ids.anotherMember}';

insert into public.network_roles (user_id, role, granted_by) values
  ('${ids.steering}', 'steering', null);

insert into public.outcomes (id, slug, title, is_principle) values
  ('${ids.outcomeNeed}', 'fixture-focusing-on-need', 'Fixture: focusing on need', true),
  ('${ids.outcomeOpen}', 'fixture-open-by-default', 'Fixture: open by default', true),
  ('${ids.outcomeData}', 'fixture-better-data', 'Fixture: better data', false);
`);

// 000200 workstreams & commitments -------------------------------------------------------
// Workstreams: anon sees active and closed (A, B, D = 3); members see all 5.
// Members (7 rows): A = lead (lead), member, bystander; B = anotherMember (lead), bystander;
// C = anotherMember (lead, from being its proposer); E = member. D has none. Anon sees A+B = 5.
fixtureSql.push(`
insert into public.workstreams (id, slug, title, purpose, status, created_by) values
  ('${ids.wsLeadActive}', 'fixture-lead-active', 'Fixture: Lee’s active workstream', 'Testing leads', 'active', '${ids.lead}'),
  ('${ids.wsOtherActive}', 'fixture-other-active', 'Fixture: Alex’s active workstream', 'Testing other leads', 'active', '${ids.anotherMember}'),
  ('${ids.wsProposed}', 'fixture-proposed', 'Fixture: a proposed workstream', 'Testing proposals', 'proposed', '${ids.anotherMember}'),
  ('${ids.wsClosed}', 'fixture-closed', 'Fixture: a closed workstream', 'Testing closure', 'closed', null),
  ('${ids.wsPaused}', 'fixture-paused', 'Fixture: a paused workstream', 'Testing pauses', 'paused', null);

insert into public.workstream_members (workstream_id, user_id, role) values
  ('${ids.wsLeadActive}', '${ids.member}', 'member'),
  ('${ids.wsLeadActive}', '${ids.bystander}', 'member'),
  ('${ids.wsOtherActive}', '${ids.bystander}', 'member'),
  ('${ids.wsPaused}', '${ids.member}', 'member');

-- Commitments          owner          visibility  status       archived
--  cMemberPublic        member         public      in_progress
--  cMemberMembers       member         members     planned
--  cMemberDone          member         public      done
--  cMemberArchived      member         public      planned      yes
--  cAnotherPublic       anotherMember  public      planned
--  cAnotherMembers      anotherMember  members     blocked
--  cAnotherDropped      anotherMember  public      dropped
--  cLeadPublic          lead           public      in_progress
--  cBystanderArchived   bystander      members     planned      yes
-- anon sees 5 (public, not archived); members see the 7 not archived plus their own
-- archived ones (member 8); steering sees 9.
insert into public.commitments (id, owner_id, workstream_id, title, so_that, due_on, visibility, status, closing_note, archived_at) values
  ('${ids.cMemberPublic}', '${ids.member}', '${ids.wsLeadActive}', 'Mona’s public commitment', 'people find advice', current_date + 30, 'public', 'in_progress', null, null),
  ('${ids.cMemberMembers}', '${ids.member}', '${ids.wsLeadActive}', 'Mona’s members-only commitment', 'we learn', current_date + 30, 'members', 'planned', null, null),
  ('${ids.cMemberDone}', '${ids.member}', null, 'Mona’s finished commitment', 'it is done', current_date - 10, 'public', 'done', 'Shipped it.', null),
  ('${ids.cMemberArchived}', '${ids.member}', null, 'Mona’s archived commitment', null, null, 'public', 'planned', null, now()),
  ('${ids.cAnotherPublic}', '${ids.anotherMember}', '${ids.wsOtherActive}', 'Alex’s public commitment', null, current_date + 60, 'public', 'planned', null, null),
  ('${ids.cAnotherMembers}', '${ids.anotherMember}', '${ids.wsOtherActive}', 'Alex’s members-only commitment', null, null, 'members', 'blocked', null, null),
  ('${ids.cAnotherDropped}', '${ids.anotherMember}', null, 'Alex’s dropped commitment', null, null, 'public', 'dropped', 'No longer needed.', null),
  ('${ids.cLeadPublic}', '${ids.lead}', '${ids.wsLeadActive}', 'Lee’s public commitment', null, current_date + 5, 'public', 'in_progress', null, null),
  ('${ids.cBystanderArchived}', '${ids.bystander}', null, 'Bo’s archived members-only commitment', null, null, 'members', 'planned', null, now());

-- Check-ins (5): anon sees those on visible commitments (2); member 5; others 4.
insert into public.check_ins (commitment_id, author_id, note) values
  ('${ids.cMemberPublic}', '${ids.member}', 'Started the content audit.'),
  ('${ids.cMemberMembers}', '${ids.member}', 'Booked the interviews.'),
  ('${ids.cMemberArchived}', '${ids.member}', 'Parked for now.'),
  ('${ids.cAnotherPublic}', '${ids.anotherMember}', 'Drafted the plan.'),
  ('${ids.cAnotherMembers}', '${ids.anotherMember}', 'Waiting on procurement.');

-- Watchers (4): members see those on commitments they can see (3); steering 4; anon none.
insert into public.commitment_watchers (commitment_id, user_id, kind, note) values
  ('${ids.cMemberPublic}', '${ids.anotherMember}', 'watch', null),
  ('${ids.cMemberMembers}', '${ids.bystander}', 'offer_help', 'I have done this before.'),
  ('${ids.cAnotherPublic}', '${ids.member}', 'watch', null),
  ('${ids.cBystanderArchived}', '${ids.lead}', 'watch', null);

insert into public.workstream_outcomes (workstream_id, outcome_id) values
  ('${ids.wsLeadActive}', '${ids.outcomeNeed}'),
  ('${ids.wsOtherActive}', '${ids.outcomeOpen}'),
  ('${ids.wsProposed}', '${ids.outcomeData}');

insert into public.commitment_outcomes (commitment_id, outcome_id) values
  ('${ids.cMemberPublic}', '${ids.outcomeNeed}'),
  ('${ids.cMemberMembers}', '${ids.outcomeOpen}'),
  ('${ids.cMemberArchived}', '${ids.outcomeData}');
`);

// 000300 outputs & patterns ---------------------------------------------------------------
// Outputs            created by     status      contributors (creator added by trigger)
//  oMemberPublished   member         published   member, bystander
//  oMemberDraft       member         draft       member
//  oAnotherPublished  anotherMember  published   anotherMember
//  oAnotherDraft      anotherMember  draft       anotherMember, member
//  oLeadArchived      lead           archived    lead
// Patterns           created by     status      workstream
//  pMemberPublished   member         published   -
//  pMemberDraft       member         draft       -
//  pAnotherDraftInA   anotherMember  draft       A (so lead, A's lead, may edit it)
//  pLeadPublished     lead           published   -
fixtureSql.push(`
insert into public.outputs (id, slug, title, summary, body, kind, status, workstream_id, commitment_id, created_by) values
  ('${ids.oMemberPublished}', 'fixture-member-published', 'Fixture: Mona’s published guide', 'A guide', 'Body', 'guide', 'published', '${ids.wsLeadActive}', '${ids.cMemberDone}', '${ids.member}'),
  ('${ids.oMemberDraft}', 'fixture-member-draft', 'Fixture: Mona’s draft template', 'A draft', 'Body', 'template', 'draft', null, null, '${ids.member}'),
  ('${ids.oAnotherPublished}', 'fixture-another-published', 'Fixture: Alex’s published code', 'Code', 'Body', 'code', 'published', '${ids.wsOtherActive}', null, '${ids.anotherMember}'),
  ('${ids.oAnotherDraft}', 'fixture-another-draft', 'Fixture: Alex’s draft research', 'Research', 'Body', 'research', 'draft', null, null, '${ids.anotherMember}'),
  ('${ids.oLeadArchived}', 'fixture-lead-archived', 'Fixture: Lee’s archived slides', 'Slides', 'Body', 'slides', 'archived', null, null, '${ids.lead}');

insert into public.output_contributors (output_id, user_id, role) values
  ('${ids.oMemberPublished}', '${ids.bystander}', 'research'),
  ('${ids.oAnotherDraft}', '${ids.member}', 'writing');

-- Reuse records (5): visible where the output is.
insert into public.output_reuses (output_id, organisation_id, user_id, phase, note) values
  ('${ids.oMemberPublished}', '${ids.orgSupplier}', '${ids.anotherMember}', 'beta', 'Used it for our service'),
  ('${ids.oMemberPublished}', '${ids.orgCouncil}', '${ids.lead}', 'live', 'In use'),
  ('${ids.oAnotherDraft}', '${ids.orgCouncil}', '${ids.member}', 'discovery', 'Trying it'),
  -- No organisation (made before Mona set hers): records are one per organisation.
  ('${ids.oAnotherPublished}', null, '${ids.member}', 'alpha', null),
  ('${ids.oLeadArchived}', '${ids.orgCouncil}', '${ids.lead}', 'live', null);

insert into public.patterns (id, slug, title, problem, when_to_use, maturity, status, workstream_id, created_by) values
  ('${ids.pMemberPublished}', 'fixture-member-published', 'Fixture: Mona’s published pattern', 'A problem', 'Often', 'beta', 'published', null, '${ids.member}'),
  ('${ids.pMemberDraft}', 'fixture-member-draft', 'Fixture: Mona’s draft pattern', 'A problem', 'Rarely', 'experimental', 'draft', null, '${ids.member}'),
  ('${ids.pAnotherDraftInA}', 'fixture-another-draft', 'Fixture: Alex’s draft pattern in A', 'A problem', 'Sometimes', 'experimental', 'draft', '${ids.wsLeadActive}', '${ids.anotherMember}'),
  ('${ids.pLeadPublished}', 'fixture-lead-published', 'Fixture: Lee’s published pattern', 'A problem', 'Always', 'recommended', 'published', null, '${ids.lead}');

insert into public.pattern_examples (pattern_id, output_id) values
  ('${ids.pMemberPublished}', '${ids.oMemberPublished}'),
  ('${ids.pMemberPublished}', '${ids.oAnotherDraft}'),
  ('${ids.pAnotherDraftInA}', '${ids.oAnotherPublished}');

insert into public.pattern_adoptions (pattern_id, organisation_id, user_id, phase) values
  ('${ids.pMemberPublished}', '${ids.orgSupplier}', '${ids.anotherMember}', 'alpha'),
  ('${ids.pAnotherDraftInA}', '${ids.orgSupplier}', '${ids.anotherMember}', 'discovery'),
  ('${ids.pMemberDraft}', '${ids.orgCouncil}', '${ids.member}', 'discovery');

insert into public.output_outcomes (output_id, outcome_id) values
  ('${ids.oMemberPublished}', '${ids.outcomeNeed}'),
  ('${ids.oMemberDraft}', '${ids.outcomeOpen}'),
  ('${ids.oAnotherDraft}', '${ids.outcomeData}');

insert into public.pattern_outcomes (pattern_id, outcome_id) values
  ('${ids.pMemberPublished}', '${ids.outcomeNeed}'),
  ('${ids.pAnotherDraftInA}', '${ids.outcomeData}');
`);

// 000400 events --------------------------------------------------------------------------
// Events       kind           status     when     organiser  notes
//  eMeetup      meetup         published  future   lead       capacity 2, online, joining link
//  eCamp        camp           published  future   bystander  two days, 2 rooms x 2 blocks
//  eDraft       workshop       draft      future   anotherMember  joining link
//  eCancelled   show_and_tell  cancelled  future   lead
//  ePast        show_and_tell  published  past     member     two slots
// Registrations: eMeetup member going, bystander going, anotherMember waitlisted 1;
// eCamp anotherMember and lead going; ePast member going; eCancelled member cancelled.
fixtureSql.push(`
insert into public.events (id, slug, kind, title, summary, starts_at, ends_at, venue, is_online, capacity, status, workstream_id, created_by) values
  ('${ids.eMeetup}', 'fixture-meetup', 'meetup', 'Fixture: online meetup', 'A meetup', now() + interval '10 days', now() + interval '10 days 2 hours', null, true, 2, 'published', '${ids.wsLeadActive}', '${ids.lead}'),
  ('${ids.eCamp}', 'fixture-camp', 'camp', 'Fixture: two-day camp', 'A camp', date_trunc('day', now()) + interval '20 days 9 hours', date_trunc('day', now()) + interval '21 days 17 hours', 'Fixture Town Hall', false, null, 'published', null, '${ids.bystander}'),
  ('${ids.eDraft}', 'fixture-draft', 'workshop', 'Fixture: draft workshop', 'A draft', now() + interval '30 days', now() + interval '30 days 3 hours', null, true, 10, 'draft', null, '${ids.anotherMember}'),
  ('${ids.eCancelled}', 'fixture-cancelled', 'show_and_tell', 'Fixture: cancelled show and tell', 'Cancelled', now() + interval '5 days', now() + interval '5 days 1 hour', 'Online', true, null, 'cancelled', null, '${ids.lead}'),
  ('${ids.ePast}', 'fixture-past', 'show_and_tell', 'Fixture: past show and tell', 'It happened', now() - interval '10 days', now() - interval '10 days' + interval '1 hour', 'Online', true, null, 'published', null, '${ids.member}');

insert into public.event_private_details (event_id, online_url, joining_instructions) values
  ('${ids.eMeetup}', 'https://meet.example.test/fixture-meetup', 'Join five minutes early'),
  ('${ids.eDraft}', 'https://meet.example.test/fixture-draft', null);

insert into public.event_sessions (id, event_id, title, room, starts_at, ends_at) values
  ('${ids.sCampRoomAEarly}', '${ids.eCamp}', 'Fixture: content design clinic', 'Room A', date_trunc('day', now()) + interval '20 days 10 hours', date_trunc('day', now()) + interval '20 days 11 hours'),
  ('${ids.sCampRoomBEarly}', '${ids.eCamp}', 'Fixture: open data surgery', 'Room B', date_trunc('day', now()) + interval '20 days 10 hours', date_trunc('day', now()) + interval '20 days 11 hours'),
  ('${ids.sCampRoomALate}', '${ids.eCamp}', 'Fixture: assisted digital', 'Room A', date_trunc('day', now()) + interval '21 days 10 hours', date_trunc('day', now()) + interval '21 days 11 hours'),
  ('${ids.sCampRoomBLate}', '${ids.eCamp}', 'Fixture: what next', 'Room B', date_trunc('day', now()) + interval '21 days 10 hours', date_trunc('day', now()) + interval '21 days 11 hours'),
  ('${ids.sPastFirst}', '${ids.ePast}', 'Fixture: first slot', null, now() - interval '10 days', now() - interval '10 days' + interval '20 minutes'),
  ('${ids.sPastSecond}', '${ids.ePast}', 'Fixture: second slot', null, now() - interval '10 days' + interval '20 minutes', now() - interval '10 days' + interval '40 minutes'),
  ('${ids.sDraft}', '${ids.eDraft}', 'Fixture: draft session', null, null, null);

insert into public.session_presenters (session_id, user_id) values
  ('${ids.sCampRoomAEarly}', '${ids.member}'),
  ('${ids.sPastFirst}', '${ids.member}'),
  ('${ids.sPastSecond}', '${ids.anotherMember}'),
  ('${ids.sDraft}', '${ids.anotherMember}');

insert into public.session_outputs (session_id, output_id) values
  ('${ids.sPastFirst}', '${ids.oMemberPublished}'),
  ('${ids.sPastSecond}', '${ids.oAnotherDraft}'),
  ('${ids.sCampRoomBEarly}', '${ids.oMemberDraft}');

insert into public.pitches (id, event_id, pitched_by, title, description, withdrawn_at) values
  ('${ids.pitchMember}', '${ids.eCamp}', '${ids.member}', 'Fixture: let us fix bin collection content', 'Pitch', null),
  ('${ids.pitchAnother}', '${ids.eCamp}', '${ids.anotherMember}', 'Fixture: open data for planning', 'Pitch', null),
  ('${ids.pitchLeadWithdrawn}', '${ids.eCamp}', '${ids.lead}', 'Fixture: withdrawn pitch', 'Pitch', now());

insert into public.pitch_interests (pitch_id, user_id) values
  ('${ids.pitchMember}', '${ids.anotherMember}'),
  ('${ids.pitchMember}', '${ids.lead}'),
  ('${ids.pitchAnother}', '${ids.member}');

insert into public.registrations (event_id, user_id, status, position, registered_at, cancelled_at) values
  ('${ids.eMeetup}', '${ids.member}', 'going', null, now() - interval '3 days', null),
  ('${ids.eMeetup}', '${ids.bystander}', 'going', null, now() - interval '2 days', null),
  ('${ids.eMeetup}', '${ids.anotherMember}', 'waitlisted', 1, now() - interval '1 day', null),
  ('${ids.eCamp}', '${ids.anotherMember}', 'going', null, now() - interval '1 day', null),
  ('${ids.eCamp}', '${ids.lead}', 'going', null, now() - interval '1 day', null),
  ('${ids.ePast}', '${ids.member}', 'going', null, now() - interval '20 days', null),
  ('${ids.eCancelled}', '${ids.member}', 'cancelled', null, now() - interval '4 days', now() - interval '1 day');

insert into public.event_outcomes (event_id, outcome_id) values
  ('${ids.eMeetup}', '${ids.outcomeNeed}'),
  ('${ids.eDraft}', '${ids.outcomeOpen}'),
  ('${ids.eCamp}', '${ids.outcomeData}');
`);

// 000500 activity -----------------------------------------------------------------------
// The triggers above wrote activity while the fixtures loaded; replace it with five known
// rows so reads have exact counts (the triggers themselves are tested in 003f):
// public by member, members by anotherMember, private by member, anotherMember, steering.
fixtureSql.push(`
delete from public.activity;
insert into public.activity (actor_id, verb, subject_table, subject_id, summary, audience) values
  ('${ids.member}', 'published', 'outputs', '${ids.oMemberPublished}', 'Fixture: public activity', 'public'),
  ('${ids.anotherMember}', 'committed', 'commitments', '${ids.cAnotherMembers}', 'Fixture: members activity', 'members'),
  ('${ids.member}', 'drafted', 'outputs', '${ids.oMemberDraft}', 'Fixture: member’s private activity', 'private'),
  ('${ids.anotherMember}', 'drafted', 'outputs', '${ids.oAnotherDraft}', 'Fixture: anotherMember’s private activity', 'private'),
  ('${ids.steering}', 'deleted', 'outputs', null, 'Fixture: steering’s private activity', 'private');
`);

// 20261201000110 notifications ----------------------------------------------------------
// Loading as the superuser notifies nobody; three known rows: two for member (one read),
// one for lead.
fixtureSql.push(`
insert into public.notifications (user_id, actor_id, verb, workstream_id, summary, read_at) values
  ('${ids.member}', '${ids.lead}', 'added_to_workstream', '${ids.wsLeadActive}', 'Fixture: added to A', now()),
  ('${ids.member}', '${ids.steering}', 'added_to_workstream', '${ids.wsPaused}', 'Fixture: added to E', null),
  ('${ids.lead}', '${ids.steering}', 'made_workstream_lead', '${ids.wsLeadActive}', 'Fixture: made lead of A', null);
`);

// 20261201000700 member_visits -------------------------------------------------------
// Two members have visited the home page: member and lead.
fixtureSql.push(`
insert into public.member_visits (user_id, visited_at, previous_visit_at) values
  ('${ids.member}', now() - interval '2 days', now() - interval '9 days'),
  ('${ids.lead}', now() - interval '3 hours', null);
`);

// 20261201000800 email_outbox ------------------------------------------------------------
// Three queued emails: two to member (one sent), one to lead.
fixtureSql.push(`
insert into public.email_outbox (recipient_id, kind, idempotency_key, payload, status, sent_at) values
  ('${ids.member}', 'digest', 'fixture:digest:member', '{}', 'sent', now()),
  ('${ids.member}', 'commitment_overdue', 'fixture:overdue:member', '{}', 'pending', null),
  ('${ids.lead}', 'commitment_dormant', 'fixture:dormant:lead', '{}', 'failed', null);
`);

// 20261201001000 slug_redirects --------------------------------------------------------
// Old slugs, each readable where its target is: two published targets (an output and a
// pattern), member's and anotherMember's drafts, lead's archived output, and an event
// (a kind no policy reads yet, so nobody sees it).
fixtureSql.push(`
insert into public.slug_redirects (kind, old_slug, target_id) values
  ('output', 'fixture-old-member-published', '${ids.oMemberPublished}'),
  ('pattern', 'fixture-old-lead-pattern', '${ids.pLeadPublished}'),
  ('output', 'fixture-old-member-draft', '${ids.oMemberDraft}'),
  ('output', 'fixture-old-another-draft', '${ids.oAnotherDraft}'),
  ('output', 'fixture-old-lead-archived', '${ids.oLeadArchived}'),
  ('event', 'fixture-old-meetup', '${ids.eMeetup}');
`);

// 20261201001100 patterns & outcomes ----------------------------------------------------
// Pattern reviews: steering reviewed Lee's published pattern; Lee (A's lead) Alex's draft
// in A. One old outcome slug redirects to outcomeNeed.
fixtureSql.push(`
insert into public.pattern_reviews (pattern_id, maturity, previous_maturity, note, reviewed_by) values
  ('${ids.pLeadPublished}', 'recommended', 'beta', 'Fixture: used widely', '${ids.steering}'),
  ('${ids.pAnotherDraftInA}', 'experimental', null, 'Fixture: early days', '${ids.lead}');
insert into public.outcome_redirects (old_slug, outcome_id) values
  ('fixture-old-need', '${ids.outcomeNeed}');
`);

// 20261201001200 calendar_feeds -------------------------------------------------------
// Two members have personal calendar feeds: member and lead.
fixtureSql.push(`
insert into public.calendar_feeds (user_id, token) values
  ('${ids.member}', '${'a'.repeat(64)}'),
  ('${ids.lead}', '${'b'.repeat(64)}');
`);

// 20261201001300 event_sessions ----------------------------------------------------------
// Offers to show (show_offers): member's and anotherMember's at lead's meetup (open),
// bystander's at member's past show-and-tell (declined), lead's at lead's cancelled one.
// Notes with a "what next" on the past show-and-tell's first slot (member presents it).
export const sessionIds = {
  offerMemberOpen: uuid(1301),
  offerAnotherOpen: uuid(1302),
  offerBystanderDeclined: uuid(1303),
  offerLeadOpen: uuid(1304)
};
fixtureSql.push(`
insert into public.show_offers (id, event_id, offered_by, title, status, decided_at) values
  ('${sessionIds.offerMemberOpen}', '${ids.eMeetup}', '${ids.member}', 'Fixture: our bin day API', 'open', null),
  ('${sessionIds.offerAnotherOpen}', '${ids.eMeetup}', '${ids.anotherMember}', 'Fixture: planning data', 'open', null),
  ('${sessionIds.offerBystanderDeclined}', '${ids.ePast}', '${ids.bystander}', 'Fixture: declined', 'declined', now()),
  ('${sessionIds.offerLeadOpen}', '${ids.eCancelled}', '${ids.lead}', 'Fixture: cancelled event offer', 'open', null);
update public.event_sessions set notes = 'We compared notes.', what_next = 'Publish a shared bin content model'
where id = '${ids.sPastFirst}';
`);

// 20261201001400 follows, email_preferences ----------------------------------------------
// Follows (3): member follows workstream B and the "open by default" outcome; lead follows
// "focusing on need". Email settings (1): member wants outcome outputs at once.
fixtureSql.push(`
insert into public.follows (profile_id, workstream_id, outcome_id) values
  ('${ids.member}', '${ids.wsOtherActive}', null),
  ('${ids.member}', null, '${ids.outcomeOpen}'),
  ('${ids.lead}', null, '${ids.outcomeNeed}');
insert into public.email_preferences (profile_id, muted_kinds, outcome_outputs_at_once) values
  ('${ids.member}', '{}', true);
`);

/** Inserts the fixtures (as the superuser, committed) and returns their ids. */
export async function loadFixtures(sql: Sql): Promise<Fixtures> {
  await sql.transaction(async (tx) => {
    for (const part of fixtureSql) await tx.exec(part);
  });
  return { ids, users };
}
