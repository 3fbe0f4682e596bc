-- Demo network for Network Hub: runs once, on an empty database, as the database owner
-- (the embedded stack's migrator, or `supabase db reset`). Plain SQL for PGlite and
-- Postgres 15 alike. Dates are relative to now() so the demo always looks current.
--
-- Demo sign-in (emailed link / one-time code; the embedded stack's mailbox shows the mail):
--   Steering group member  priya.shah@demo.localgov.test   (Devon County Council)
--   Workstream lead        tom.fletcher@demo.localgov.test (leads the Change Academy)
--   Plain member           aisha.khan@demo.localgov.test   (London Borough of Hackney)
--   Newcomer               jo.newton@demo.localgov.test    (joined this week, no workstreams)
-- Every demo address ends in @demo.localgov.test (a reserved, undeliverable domain).
-- The people and their commitments are invented; the councils are real.

-- Fixed ids so links and tests can rely on them: user n is de300000-0000-4000-a000-00000000000n.
create function pg_temp.u(n integer) returns uuid language sql immutable
  as $$ select ('de300000-0000-4000-a000-' || lpad(n::text, 12, '0'))::uuid $$;
create function pg_temp.c(n integer) returns uuid language sql immutable
  as $$ select ('de300000-0000-4000-d000-' || lpad(n::text, 12, '0'))::uuid $$;
create function pg_temp.e(n integer) returns uuid language sql immutable
  as $$ select ('de300000-0000-4000-9000-' || lpad(n::text, 12, '0'))::uuid $$;
create function pg_temp.org(p text) returns uuid language sql stable
  as $$ select id from public.organisations where slug = p $$;
create function pg_temp.ws(p text) returns uuid language sql stable
  as $$ select id from public.workstreams where slug = p $$;
create function pg_temp.outcome(p text) returns uuid language sql stable
  as $$ select id from public.outcomes where slug = p $$;
-- An output by its slug, or by a slug it had before it was renamed.
create function pg_temp.output(p text) returns uuid language sql stable
  as $$ select coalesce((select id from public.outputs where slug = p),
                        (select target_id from public.slug_redirects where kind = 'output' and old_slug = p)) $$;
create function pg_temp.pattern(p text) returns uuid language sql stable
  as $$ select id from public.patterns where slug = p $$;

-- ---------------------------------------------------------------------------------------
-- Organisations
insert into public.organisations (slug, name, kind, website, created_at) values
  ('devon-county-council', 'Devon County Council', 'council', 'https://www.devon.gov.uk', now() - interval '400 days'),
  ('stockport-council', 'Stockport Council', 'council', 'https://www.stockport.gov.uk', now() - interval '400 days'),
  ('hackney-council', 'London Borough of Hackney', 'council', 'https://hackney.gov.uk', now() - interval '400 days'),
  ('adur-worthing-councils', 'Adur & Worthing Councils', 'council', 'https://www.adur-worthing.gov.uk', now() - interval '390 days'),
  ('leeds-city-council', 'Leeds City Council', 'council', 'https://www.leeds.gov.uk', now() - interval '390 days'),
  ('brighton-hove-city-council', 'Brighton & Hove City Council', 'council', 'https://www.brighton-hove.gov.uk', now() - interval '380 days'),
  ('bristol-city-council', 'Bristol City Council', 'council', 'https://www.bristol.gov.uk', now() - interval '380 days'),
  ('monmouthshire-county-council', 'Monmouthshire County Council', 'council', 'https://www.monmouthshire.gov.uk', now() - interval '370 days'),
  ('kirklees-council', 'Kirklees Council', 'council', 'https://www.kirklees.gov.uk', now() - interval '360 days'),
  ('camden-council', 'Camden Council', 'council', 'https://www.camden.gov.uk', now() - interval '350 days'),
  ('surrey-county-council', 'Surrey County Council', 'council', 'https://www.surreycc.gov.uk', now() - interval '340 days'),
  ('oxfordshire-county-council', 'Oxfordshire County Council', 'council', 'https://www.oxfordshire.gov.uk', now() - interval '330 days'),
  ('buckinghamshire-council', 'Buckinghamshire Council', 'council', 'https://www.buckinghamshire.gov.uk', now() - interval '320 days'),
  ('essex-county-council', 'Essex County Council', 'council', 'https://www.essex.gov.uk', now() - interval '310 days'),
  ('north-yorkshire-council', 'North Yorkshire Council', 'council', 'https://www.northyorks.gov.uk', now() - interval '300 days'),
  ('open-civic', 'Open Civic Ltd (demo supplier)', 'supplier', null, now() - interval '290 days'),
  ('plain-digital-coop', 'Plain Digital Co-op (demo supplier)', 'supplier', null, now() - interval '280 days'),
  ('good-things-foundation', 'Good Things Foundation', 'charity', 'https://www.goodthingsfoundation.org', now() - interval '270 days'),
  ('mhclg-local-digital', 'Ministry of Housing, Communities and Local Government (Local Digital)', 'central_government', 'https://www.localdigital.gov.uk', now() - interval '260 days');

-- ---------------------------------------------------------------------------------------
-- Members: auth.users rows (the trigger makes their profiles), then profile details.
insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data,
                        raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000'::uuid, pg_temp.u(p.n), 'authenticated', 'authenticated',
       p.email, now() - make_interval(days => p.joined_days_ago),
       '{"provider":"email","providers":["email"]}'::jsonb,
       jsonb_build_object('display_name', p.name),
       now() - make_interval(days => p.joined_days_ago), now() - make_interval(days => p.joined_days_ago)
from (values
  (1, 'priya.shah@demo.localgov.test', 'Priya Shah', 400),
  (2, 'tom.fletcher@demo.localgov.test', 'Tom Fletcher', 395),
  (3, 'aisha.khan@demo.localgov.test', 'Aisha Khan', 200),
  (4, 'jo.newton@demo.localgov.test', 'Jo Newton', 3),
  (5, 'martin.hughes@demo.localgov.test', 'Martin Hughes', 398),
  (6, 'rachel.osei@demo.localgov.test', 'Rachel Osei', 390),
  (7, 'daniel.price@demo.localgov.test', 'Daniel Price', 385),
  (8, 'emma.clarke@demo.localgov.test', 'Emma Clarke', 370),
  (9, 'gareth.evans@demo.localgov.test', 'Gareth Evans', 360),
  (10, 'hannah.blake@demo.localgov.test', 'Hannah Blake', 350),
  (11, 'ifeoma.adeyemi@demo.localgov.test', 'Ifeoma Adeyemi', 340),
  (12, 'liam.oconnor@demo.localgov.test', 'Liam O''Connor', 330),
  (13, 'nadia.rahman@demo.localgov.test', 'Nadia Rahman', 320),
  (14, 'owen.davies@demo.localgov.test', 'Owen Davies', 300),
  (15, 'sophie.turner@demo.localgov.test', 'Sophie Turner', 280),
  (16, 'ben.harris@demo.localgov.test', 'Ben Harris', 260),
  (17, 'chloe.martin@demo.localgov.test', 'Chloe Martin', 240),
  (18, 'james.wilson@demo.localgov.test', 'James Wilson', 220),
  (19, 'grace.lee@demo.localgov.test', 'Grace Lee', 210),
  (20, 'ravi.patel@demo.localgov.test', 'Ravi Patel', 190),
  (21, 'helen.carter@demo.localgov.test', 'Helen Carter', 180),
  (22, 'mark.robinson@demo.localgov.test', 'Mark Robinson', 170),
  (23, 'zoe.walker@demo.localgov.test', 'Zoe Walker', 150),
  (24, 'kwame.mensah@demo.localgov.test', 'Kwame Mensah', 140),
  (25, 'lucy.morgan@demo.localgov.test', 'Lucy Morgan', 120),
  (26, 'sam.taylor@demo.localgov.test', 'Sam Taylor', 100),
  (27, 'fatima.ali@demo.localgov.test', 'Fatima Ali', 90),
  (28, 'peter.shaw@demo.localgov.test', 'Peter Shaw', 75),
  (29, 'ellie.fraser@demo.localgov.test', 'Ellie Fraser', 60),
  (30, 'dev.sharma@demo.localgov.test', 'Dev Sharma', 45),
  (31, 'niamh.byrne@demo.localgov.test', 'Cllr Niamh Byrne', 30),
  (32, 'alex.morgan@demo.localgov.test', 'Alex Morgan', 14)
) as p(n, email, name, joined_days_ago);

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
       'email', u.created_at, u.created_at
from auth.users u where u.email like '%@demo.localgov.test';

update public.profiles p
set organisation_id = pg_temp.org(v.org),
    job_title = v.job_title,
    region = v.region,
    skills = v.skills,
    is_public = v.is_public,
    bio = v.bio
from (values
  (1, 'devon-county-council', 'Head of Digital', 'South West', array['strategy', 'service design', 'leadership'], true,
   'Leads digital at Devon. On the steering group because I want the network to *make and do*, not just meet.'),
  (2, 'stockport-council', 'Learning and development lead', 'North West', array['training', 'coaching', 'agile'], true,
   'Making the Change Academy happen: practical digital skills for people in councils, in small bites.'),
  (3, 'hackney-council', 'Content designer', 'London', array['content design', 'plain English', 'user research'], true,
   'Writes and rewrites council web pages so people can get things done first time.'),
  (4, 'adur-worthing-councils', 'Digital officer', 'South East', array['web publishing'], false, null),
  (5, 'devon-county-council', 'Enterprise architect', 'South West', array['architecture', 'APIs', 'open standards'], true,
   'Interested in the boring plumbing that lets councils reuse each other''s work.'),
  (6, 'leeds-city-council', 'Head of data', 'Yorkshire and the Humber', array['open data', 'data standards', 'analytics'], true,
   'Open by default, secure when it has to be. Leads the open and linked data workstream.'),
  (7, 'brighton-hove-city-council', 'Service design lead', 'South East', array['service design', 'user research', 'facilitation'], true,
   'Steering group. Runs show-and-tells and helps camps turn talk into commitments.'),
  (8, 'bristol-city-council', 'User researcher', 'South West', array['user research', 'content design'], true,
   'Leads the content platform workstream: shared content for common council services.'),
  (9, 'monmouthshire-county-council', 'Lead developer', 'Wales', array['Python', 'APIs', 'forms'], true,
   'Builds online forms and the bits behind them. Leads the transactional platform workstream.'),
  (10, 'kirklees-council', 'Digital inclusion officer', 'Yorkshire and the Humber', array['digital inclusion', 'community work'], true,
   'Helping people who are offline or unsure get online with confidence.'),
  (11, 'camden-council', 'Democratic services manager', 'London', array['democracy', 'open data', 'committee systems'], true,
   'Council meetings, papers and decisions that anyone can find and understand.'),
  (12, 'surrey-county-council', 'Sustainable IT lead', 'South East', array['sustainability', 'infrastructure'], false,
   'Measuring and cutting the carbon cost of council digital services.'),
  (13, 'oxfordshire-county-council', 'Accessibility specialist', 'South East', array['accessibility', 'WCAG', 'testing'], true,
   'Leads the quality standards workstream. Everyone should be able to use council services.'),
  (14, 'buckinghamshire-council', 'Product manager', 'South East', array['product management', 'roadmaps'], false, null),
  (15, 'essex-county-council', 'Content designer', 'East of England', array['content design', 'GOV.UK style'], true, null),
  (16, 'north-yorkshire-council', 'Developer', 'Yorkshire and the Humber', array['JavaScript', 'Drupal'], false, null),
  (17, 'leeds-city-council', 'Data analyst', 'Yorkshire and the Humber', array['analytics', 'SQL'], false, null),
  (18, 'hackney-council', 'Developer', 'London', array['Ruby', 'APIs', 'open source'], true, null),
  (19, 'brighton-hove-city-council', 'User researcher', 'South East', array['user research', 'accessibility'], false, null),
  (20, 'open-civic', 'Developer', 'North West', array['Go', 'forms', 'open source'], true,
   'Supplier-side. Happy to help councils reuse open code.'),
  (21, 'good-things-foundation', 'Programme manager', 'Yorkshire and the Humber', array['digital inclusion', 'partnerships'], true, null),
  (22, 'mhclg-local-digital', 'Delivery manager', 'London', array['delivery', 'funding', 'agile'], false, null),
  (23, 'stockport-council', 'Digital trainer', 'North West', array['training', 'analytics'], false, null),
  (24, 'camden-council', 'Data engineer', 'London', array['data pipelines', 'open data'], false, null),
  (25, 'devon-county-council', 'Content designer', 'South West', array['content design'], false, null),
  (26, 'bristol-city-council', 'Delivery manager', 'South West', array['delivery', 'agile'], false, null),
  (27, 'kirklees-council', 'Customer services manager', 'Yorkshire and the Humber', array['contact centres', 'assisted digital'], false, null),
  (28, 'surrey-county-council', 'Infrastructure architect', 'South East', array['cloud', 'sustainability'], false, null),
  (29, 'essex-county-council', 'Interaction designer', 'East of England', array['interaction design', 'prototyping'], false, null),
  (30, 'plain-digital-coop', 'Accessibility auditor', 'Scotland', array['accessibility', 'auditing'], true, null),
  (31, 'oxfordshire-county-council', 'Councillor', 'South East', array['scrutiny', 'democracy'], true,
   'Councillor. Here to learn what digital can do for residents and for scrutiny.'),
  (32, 'buckinghamshire-council', 'Service owner', 'South East', array['service ownership'], false, null)
) as v(n, org, job_title, region, skills, is_public, bio)
where p.id = pg_temp.u(v.n);

-- The steering group (granted by the steering group; the seed founds it).
insert into public.network_roles (user_id, role, granted_by, granted_at) values
  (pg_temp.u(1), 'steering', null, now() - interval '390 days'),
  (pg_temp.u(6), 'steering', pg_temp.u(1), now() - interval '380 days'),
  (pg_temp.u(7), 'steering', pg_temp.u(1), now() - interval '380 days'),
  (pg_temp.u(5), 'admin', pg_temp.u(1), now() - interval '300 days');

-- ---------------------------------------------------------------------------------------
-- Outcomes: the six principles, then outcomes the network works towards.
insert into public.outcomes (slug, title, description, is_principle, created_at) values
  ('focusing-on-need', 'Focusing on need', 'Start from what residents and staff need, found out by research, not from what a product does.', true, now() - interval '390 days'),
  ('open-by-default', 'Open by default', 'Share data, code, content and learning openly; secure only when it has to be.', true, now() - interval '390 days'),
  ('digital-by-design', 'Digital by design', 'Services designed to work online end to end, not paper forms put on a website.', true, now() - interval '390 days'),
  ('networked-and-collaborative', 'Networked and collaborative', 'Work with others across councils and sectors instead of alone.', true, now() - interval '390 days'),
  ('doing-and-showing', 'Doing and showing', 'Make things, show the work, and let others reuse it.', true, now() - interval '390 days'),
  ('evidence-and-data-driven', 'Evidence and data driven', 'Decide from evidence and data, and publish what you learn.', true, now() - interval '390 days'),
  ('done-first-time-online', 'People get it done online first time', 'Fewer failed transactions and fewer calls to check what happened.', false, now() - interval '300 days'),
  ('modern-digital-skills', 'Council staff have modern digital skills', 'Practical skills in user research, content design, analytics and agile delivery.', false, now() - interval '300 days'),
  ('shared-data-standards', 'Councils publish data to shared standards', 'Data that joins up across councils because it uses the same schemas.', false, now() - interval '300 days'),
  ('nobody-left-behind', 'Nobody is left behind', 'People who are offline or unsure get the help they need.', false, now() - interval '300 days'),
  ('accessible-services', 'Services everyone can use', 'Council services meet accessibility standards and work with assistive technology.', false, now() - interval '300 days'),
  ('open-local-democracy', 'Residents can follow and take part in local democracy', 'Meetings, papers and decisions that are easy to find, read and reuse.', false, now() - interval '280 days'),
  ('lower-carbon-digital', 'Lower-carbon digital services', 'Less energy and hardware waste for the same service.', false, now() - interval '250 days'),
  ('less-duplicated-spend', 'Less money spent building the same thing twice', 'Councils reuse each other''s work instead of buying or building it again.', false, now() - interval '250 days');

-- A retired tag (no longer offered in forms; what it tagged keeps it), and the old slug of
-- a tag merged into "People get it done online first time".
insert into public.outcomes (slug, title, description, is_principle, created_at, retired_at) values
  ('paperless-offices', 'Paperless offices', 'Retired: replaced by "Digital by design", which says what the service does, not what the office lacks.', false, now() - interval '380 days', now() - interval '200 days');
insert into public.outcome_redirects (old_slug, outcome_id, created_at)
select 'channel-shift', id, now() - interval '150 days' from public.outcomes where slug = 'done-first-time-online';

-- ---------------------------------------------------------------------------------------
-- Workstreams: the eight from the first local GDS post, one proposal and one closed.
-- The creator becomes lead automatically.
insert into public.workstreams (slug, title, purpose, description, status, created_by, created_at) values
  ('content-platform', 'Content platform',
   'Public information, advice and guidance that councils can share instead of each writing their own.',
   E'Most council content answers the same questions. We write it once, well, and share it.\n\n- a shared content model for common services\n- style guidance based on GOV.UK\n- pages tested with residents',
   'active', pg_temp.u(8), now() - interval '360 days'),
  ('transactional-platform', 'Transactional platform',
   'Online services and self service that work first time, built once and reused.',
   E'Forms, payments and bookings are rebuilt by every council. We share patterns, code and what we learned doing it.',
   'active', pg_temp.u(9), now() - interval '355 days'),
  ('change-academy', 'Capacity and skills development (the Change Academy)',
   'Practical digital skills for people working in and around councils.',
   E'The Change Academy: short, practical sessions on user stories, analytics, content design and service ownership, run by practitioners for practitioners.',
   'active', pg_temp.u(2), now() - interval '390 days'),
  ('quality-standards', 'Quality standards',
   'A shared local service standard and the checks that go with it.',
   E'Improving the quality of provision all round: accessibility, performance and a service standard councils can assess each other against.',
   'active', pg_temp.u(13), now() - interval '340 days'),
  ('assisted-digital', 'Assisted digital and digital inclusion',
   'Help for people who are offline or not confident, across sectors.',
   E'Working with charities and libraries so nobody is left behind when services move online.',
   'active', pg_temp.u(10), now() - interval '330 days'),
  ('open-linked-data', 'Open and linked data',
   'Council data published openly, to shared standards, so it joins up.',
   E'Open by default: schemas, publishing guides and tools that make it easy to publish data once and well.',
   'active', pg_temp.u(6), now() - interval '380 days'),
  ('democracy-transparency', 'Democracy and transparency',
   'Meetings, papers and decisions that residents can find, follow and reuse.',
   E'Committee papers as open data, better meeting pages and councillors who use digital well.',
   'active', pg_temp.u(11), now() - interval '320 days'),
  ('sustainability', 'Sustainability',
   'Lower-carbon digital services, and a network that lasts.',
   E'Measuring the carbon cost of council digital services and sharing what reduces it. Paused while the lead is on leave.',
   'paused', pg_temp.u(12), now() - interval '300 days'),
  ('social-care-digital', 'Social care front door',
   'A shared approach to the adult social care front door after the Care Act.',
   E'Proposed at the last camp. Looking for councils who want to work on this together.',
   'proposed', pg_temp.u(27), now() - interval '20 days'),
  ('website-benchmarking', 'Website benchmarking',
   'A shared, open alternative to annual website league tables.',
   E'Closed: the benchmark was published and handed to the quality standards workstream.',
   'closed', pg_temp.u(5), now() - interval '380 days');

insert into public.workstream_members (workstream_id, user_id, role, joined_at)
select pg_temp.ws(m.ws), pg_temp.u(m.n), m.role::public.workstream_role,
       now() - make_interval(days => m.days_ago)
from (values
  ('content-platform', 3, 'member', 190), ('content-platform', 15, 'member', 250), ('content-platform', 25, 'member', 100),
  ('content-platform', 1, 'member', 300), ('content-platform', 29, 'member', 50), ('content-platform', 7, 'lead', 300),
  ('transactional-platform', 18, 'member', 200), ('transactional-platform', 20, 'member', 180), ('transactional-platform', 16, 'member', 240),
  ('transactional-platform', 14, 'member', 280), ('transactional-platform', 32, 'member', 10),
  ('change-academy', 23, 'member', 140), ('change-academy', 3, 'member', 150), ('change-academy', 7, 'member', 300),
  ('change-academy', 22, 'member', 160), ('change-academy', 26, 'member', 90), ('change-academy', 31, 'member', 25),
  ('quality-standards', 30, 'member', 40), ('quality-standards', 19, 'member', 200), ('quality-standards', 29, 'member', 55),
  ('quality-standards', 5, 'member', 330),
  ('assisted-digital', 21, 'member', 170), ('assisted-digital', 27, 'member', 85), ('assisted-digital', 2, 'member', 300),
  ('open-linked-data', 17, 'member', 230), ('open-linked-data', 24, 'member', 130), ('open-linked-data', 5, 'member', 370),
  ('open-linked-data', 11, 'member', 300),
  ('democracy-transparency', 31, 'member', 28), ('democracy-transparency', 24, 'member', 120), ('democracy-transparency', 6, 'member', 300),
  ('sustainability', 28, 'member', 70), ('sustainability', 1, 'member', 290),
  ('social-care-digital', 10, 'member', 18), ('social-care-digital', 21, 'member', 15)
) as m(ws, n, role, days_ago)
on conflict (workstream_id, user_id) do nothing;

insert into public.workstream_outcomes (workstream_id, outcome_id)
select pg_temp.ws(t.ws), pg_temp.outcome(t.outcome)
from (values
  ('content-platform', 'focusing-on-need'), ('content-platform', 'done-first-time-online'), ('content-platform', 'less-duplicated-spend'),
  ('transactional-platform', 'digital-by-design'), ('transactional-platform', 'done-first-time-online'), ('transactional-platform', 'less-duplicated-spend'),
  ('change-academy', 'modern-digital-skills'), ('change-academy', 'doing-and-showing'), ('change-academy', 'networked-and-collaborative'),
  ('quality-standards', 'accessible-services'), ('quality-standards', 'evidence-and-data-driven'),
  ('assisted-digital', 'nobody-left-behind'), ('assisted-digital', 'focusing-on-need'),
  ('open-linked-data', 'open-by-default'), ('open-linked-data', 'shared-data-standards'), ('open-linked-data', 'evidence-and-data-driven'),
  ('democracy-transparency', 'open-local-democracy'), ('democracy-transparency', 'open-by-default'),
  ('sustainability', 'lower-carbon-digital'),
  ('social-care-digital', 'focusing-on-need'), ('social-care-digital', 'nobody-left-behind'),
  ('website-benchmarking', 'evidence-and-data-driven')
) as t(ws, outcome);

-- ---------------------------------------------------------------------------------------
-- Commitments: "I will ... so that ...". Inserted as planned; the check-ins below move
-- them on, as members would. Final next check-in dates are set at the end of the seed.
insert into public.commitments (id, owner_id, workstream_id, title, so_that, description, due_on, visibility, created_at)
select pg_temp.c(x.n), pg_temp.u(x.owner), pg_temp.ws(x.ws), x.title, x.so_that, x.description,
       current_date + x.due_in, x.visibility::public.visibility, now() - make_interval(days => x.created_days_ago)
from (values
  (1, 2, 'change-academy', 'Run a pilot Change Academy session on user stories', 'practitioners can write user stories that teams act on',
   'Two hours, online, for 20 people from at least five councils. Materials shared openly afterwards.', -20, 'public', 120),
  (2, 2, 'change-academy', 'Publish the Change Academy curriculum as an open output', 'any council can run the sessions themselves',
   null, 21, 'public', 90),
  (3, 23, 'change-academy', 'Record a 20-minute analytics basics video', 'people can learn at their own pace', null, 10, 'public', 60),
  (4, 3, 'content-platform', 'Rewrite the "report a missed bin" content and test it with residents', 'people report a missed bin online first time',
   'Testing with five residents in Hackney, then sharing the content and findings.', 14, 'public', 75),
  (5, 8, 'content-platform', 'Draft a shared content model for waste and recycling pages', 'councils can share and reuse bin content',
   null, 30, 'public', 100),
  (6, 15, 'content-platform', 'Share Essex''s content style guide under the Open Government Licence', 'others can reuse it instead of writing their own',
   null, -30, 'public', 160),
  (7, 9, 'transactional-platform', 'Open source our blue badge application form', 'other councils can reuse it instead of buying one',
   'Code on GitHub with a README a non-developer can follow.', -5, 'public', 150),
  (8, 18, 'transactional-platform', 'Write up how we replaced our payments provider', 'others avoid the mistakes we made', null, -40, 'members', 200),
  (9, 20, 'transactional-platform', 'Build a reusable "find your bin day" API client', 'councils can show bin days without a new contract',
   null, 45, 'public', 50),
  (10, 13, 'quality-standards', 'Draft a local service standard based on the GOV.UK one', 'councils can assess services against shared criteria',
   null, 60, 'public', 130),
  (11, 30, 'quality-standards', 'Audit five council homepages for accessibility and share the findings', 'common failures get fixed everywhere',
   null, 20, 'public', 35),
  (12, 10, 'assisted-digital', 'Map digital inclusion support in Kirklees libraries', 'residents and staff know where to get help',
   null, 15, 'public', 110),
  (13, 21, 'assisted-digital', 'Bring three councils into the Digital Inclusion Charter', 'support is joined up across sectors', null, -60, 'public', 170),
  (14, 6, 'open-linked-data', 'Publish Leeds'' planning applications to the shared schema', 'planning data joins up across councils',
   null, -10, 'public', 140),
  (15, 17, 'open-linked-data', 'Write a how-to for publishing spending data as CSV', 'small councils can publish without special tools',
   null, 25, 'public', 80),
  (16, 24, 'open-linked-data', 'Build a data pipeline for committee attendance', 'attendance is published automatically', null, 40, 'members', 45),
  (17, 11, 'democracy-transparency', 'Publish Camden committee papers as open data', 'residents and journalists can reuse them',
   null, 35, 'public', 120),
  (18, 31, 'democracy-transparency', 'Run a workshop for councillors on reading service data', 'scrutiny asks better questions', null, 50, 'public', 20),
  (19, 12, 'sustainability', 'Measure the carbon cost of Surrey''s website hosting', 'we know where to cut first', null, -90, 'public', 260),
  (20, 28, 'sustainability', 'Trial turning off idle test environments overnight', 'we use less energy for the same service', null, -25, 'members', 70),
  (21, 5, 'website-benchmarking', 'Publish the open website benchmark and its method', 'councils compare themselves openly', null, -200, 'public', 370),
  (22, 7, null, 'Host the next show-and-tell', 'people see work in progress and reuse it', null, 12, 'public', 40),
  (23, 14, 'transactional-platform', 'Evaluate three form builders against our needs', 'we choose on evidence, not on the sales pitch',
   null, -15, 'members', 95),
  (24, 26, 'change-academy', 'Pair with a newcomer council on a first discovery', 'they learn by doing with support', null, 60, 'public', 30),
  (25, 1, null, 'Write the network''s annual "what we made" summary', 'people see what the network produced, not just what it discussed',
   null, 40, 'public', 25),
  (26, 25, 'content-platform', 'Test the shared council tax content with Devon residents', 'the shared content works outside London too', null, 20, 'members', 55),
  (27, 32, 'transactional-platform', 'Document our service ownership model', 'other councils can copy the role', null, 30, 'public', 10),
  (28, 3, null, 'Tidy up my old draft guide on plain English for letters', null, null, null, 'members', 300)
) as x(n, owner, ws, title, so_that, description, due_in, visibility, created_days_ago);

insert into public.commitment_outcomes (commitment_id, outcome_id)
select pg_temp.c(t.n), pg_temp.outcome(t.outcome)
from (values
  (1, 'modern-digital-skills'), (2, 'modern-digital-skills'), (2, 'open-by-default'), (3, 'modern-digital-skills'),
  (4, 'done-first-time-online'), (4, 'focusing-on-need'), (5, 'less-duplicated-spend'), (6, 'open-by-default'),
  (7, 'less-duplicated-spend'), (7, 'open-by-default'), (8, 'doing-and-showing'), (9, 'less-duplicated-spend'),
  (10, 'accessible-services'), (11, 'accessible-services'), (12, 'nobody-left-behind'), (13, 'networked-and-collaborative'),
  (14, 'shared-data-standards'), (15, 'open-by-default'), (17, 'open-local-democracy'), (18, 'open-local-democracy'),
  (19, 'lower-carbon-digital'), (20, 'lower-carbon-digital'), (21, 'evidence-and-data-driven'), (22, 'doing-and-showing'),
  (25, 'doing-and-showing'), (26, 'focusing-on-need'), (27, 'modern-digital-skills')
) as t(n, outcome);

-- Check-ins in time order. The trigger records status_from and moves each commitment.
insert into public.check_ins (commitment_id, author_id, note, status_to, created_at)
select pg_temp.c(k.n), c.owner_id, k.note, k.status_to::public.commitment_status,
       now() - make_interval(days => k.days_ago)
from (values
  (1, 'Booked the room and the date; 14 people signed up so far.', 'in_progress', 100),
  (1, 'Ran it with 22 people from 9 councils. Slides and exercises shared as an output.', 'done', 18),
  (2, 'First draft of the curriculum is in a shared doc; looking for reviewers.', 'in_progress', 60),
  (2, 'Three reviewers from the Change Academy gave feedback; rewriting module 2.', null, 12),
  (3, 'Script written. Recording needs a quiet room, which we don''t have yet.', 'blocked', 30),
  (4, 'Tested the first draft with three residents: the word "receptacle" has to go.', 'in_progress', 50),
  (4, 'Second round done with two more residents. Writing up.', null, 8),
  (5, 'Started with Bristol and Devon''s bin pages side by side.', 'in_progress', 80),
  (6, 'Licence agreed with our comms team. Publishing next week.', 'in_progress', 120),
  (6, 'Published and linked from the outputs page.', 'done', 95),
  (7, 'Code review with our security team booked.', 'in_progress', 110),
  (7, 'Waiting for the security review; the team is on another project.', 'blocked', 70),
  (8, 'Half written. It was a hard year.', 'in_progress', 150),
  (9, 'Spike done: the three suppliers'' bin APIs are similar enough to wrap.', 'in_progress', 20),
  (10, 'Compared the GOV.UK standard with the two local ones we found.', 'in_progress', 90),
  (10, 'Draft points 1 to 7 written; asking the workstream for comments.', null, 9),
  (12, 'Visited four libraries. Support is uneven: some have nothing at weekends.', 'in_progress', 70),
  (13, 'Two councils have signed. The third has gone quiet.', 'in_progress', 110),
  (14, 'Schema mapping done; the address fields need work.', 'in_progress', 100),
  (14, 'First 12 months of applications published. Feed updates nightly.', 'done', 20),
  (15, 'Outline agreed with the workstream.', 'in_progress', 40),
  (17, 'Legal said yes. Talking to our committee system supplier about an export.', 'in_progress', 60),
  (19, 'Got hosting figures from our supplier; the method needs checking.', 'in_progress', 200),
  (20, 'Cannot get agreement from the infrastructure board this quarter. Dropping it.', 'dropped', 30),
  (21, 'Benchmark published with the method and the raw data.', 'done', 300),
  (23, 'Long list of nine form builders; three shortlisted against our needs.', 'in_progress', 60),
  (24, 'Matched with Adur & Worthing. First call booked.', 'in_progress', 10),
  (26, 'Recruiting residents through the library network.', 'in_progress', 45)
) as k(n, note, status_to, days_ago)
join public.commitments c on c.id = pg_temp.c(k.n)
order by k.days_ago desc;

-- Two offers of help are days old, so Tom's and Aisha's signed-in homes have news.
insert into public.commitment_watchers (commitment_id, user_id, kind, note, created_at)
select pg_temp.c(w.n), pg_temp.u(w.u), w.kind::public.watch_kind, w.note, now() - make_interval(days => w.days_ago)
from (values
  (2, 3, 'watch', null, 50), (2, 26, 'offer_help', 'Happy to review the service ownership module.', 4),
  (4, 15, 'watch', null, 45), (4, 25, 'offer_help', 'We can test the same content in Devon.', 3),
  (5, 3, 'offer_help', 'I''ll bring Hackney''s bin content.', 70), (7, 16, 'watch', null, 60),
  (7, 32, 'offer_help', 'We need a blue badge form: we''ll be your first reuser.', 30),
  (9, 9, 'watch', null, 15), (10, 30, 'offer_help', 'I can write the accessibility point.', 60),
  (12, 27, 'watch', null, 50), (13, 10, 'watch', null, 100), (14, 24, 'watch', null, 90),
  (17, 31, 'watch', null, 20), (17, 24, 'offer_help', 'I can build the export pipeline.', 30),
  (19, 28, 'watch', null, 150), (22, 4, 'watch', null, 2), (11, 13, 'watch', null, 20)
) as w(n, u, kind, note, days_ago);

-- ---------------------------------------------------------------------------------------
-- Outputs (the creator becomes the first contributor)
insert into public.outputs (slug, title, summary, body, kind, external_url, licence, status,
                            workstream_id, commitment_id, created_by, created_at)
select o.slug, o.title, o.summary, o.body, o.kind::public.output_kind, o.url, o.licence::public.output_licence,
       o.status::public.content_status, pg_temp.ws(o.ws), case when o.c is null then null else pg_temp.c(o.c) end,
       pg_temp.u(o.by), now() - make_interval(days => o.days_ago)
from (values
  ('user-stories-session-pack', 'User stories: a two-hour session pack',
   'Slides, exercises and facilitator notes for teaching user stories to council teams.',
   E'## What is in the pack\n\n- slides (30 minutes of talk, the rest is exercises)\n- three exercises using real council services\n- facilitator notes\n\n## How to run it\n\nYou need a room or a call, a facilitator who has written user stories before, and two hours.',
   'slides', 'https://example.org/change-academy/user-stories', 'cc_by_4', 'published', 'change-academy', 1, 2, 17),
  ('essex-content-style-guide', 'Essex content style guide',
   'Our A to Z of council content style, based on GOV.UK and tested with Essex residents.',
   E'Use it as it is, or fork it. Entries that differ from GOV.UK say why.',
   'guide', 'https://example.org/essex/style-guide', 'ogl_3', 'published', 'content-platform', 6, 15, 94),
  ('missed-bin-content-research', 'Reporting a missed bin: what residents told us',
   'Findings from testing missed-bin content with five Hackney residents.',
   E'## Findings\n\n1. People look for "missed bin", not "missed collection".\n2. Nobody knew what a "receptacle" was.\n3. People want to know when it will be collected, before they report it.',
   'research', null, 'ogl_3', 'published', 'content-platform', 4, 3, 7),
  ('blue-badge-form', 'Blue badge application form (open source)',
   'The online blue badge application Monmouthshire built, with its code and a setup guide.',
   E'A form in plain HTML with server-side validation. Works without JavaScript.',
   'code', 'https://example.org/monmouthshire/blue-badge', 'mit', 'published', 'transactional-platform', 7, 9, 100),
  ('planning-applications-schema-data', 'Leeds planning applications (shared schema)',
   'Twelve months of planning applications published to the shared schema, updated nightly.',
   null, 'data_set', 'https://example.org/leeds/planning.csv', 'ogl_3', 'published', 'open-linked-data', 14, 6, 19),
  ('spending-data-csv-how-to', 'How to publish spending data as CSV',
   'A step by step guide for councils without a data team.', E'Draft: sections 3 and 4 to do.',
   'guide', null, 'ogl_3', 'draft', 'open-linked-data', 15, 17, 10),
  ('website-benchmark-method', 'Open website benchmark: method and results',
   'How we measured 150 council websites, the raw data, and what we would do differently.',
   E'The benchmark checks tasks, not looks: can a resident find and do the top ten tasks?',
   'research', 'https://example.org/benchmark', 'cc_by_4', 'published', 'website-benchmarking', 21, 5, 298),
  ('digital-inclusion-charter-case-study', 'Case study: joining the Digital Inclusion Charter',
   'What it took for two councils to sign up, and what changed.', null,
   'case_study', null, 'cc_by_4', 'published', 'assisted-digital', null, 21, 80),
  ('service-standard-draft', 'Local service standard (draft for comment)',
   'Seven points, adapted from the GOV.UK Service Standard for local services.', E'1. Understand users and their needs\n2. Solve a whole problem for users\n3. Make the service simple to use',
   'guide', null, 'ogl_3', 'published', 'quality-standards', 10, 13, 8),
  ('camp-show-and-tell-recording', 'Show-and-tell recording: bins, badges and benchmarks',
   'The recording of last month''s show-and-tell, with chapter marks.', null,
   'recording', 'https://example.org/recordings/show-and-tell', 'cc_by_4', 'published', null, null, 7, 20),
  ('analytics-basics-template', 'Analytics basics: a monthly report template',
   'A one-page template for reporting web analytics to service managers.', null,
   'template', null, 'cc_by_4', 'published', 'change-academy', null, 23, 40),
  ('committee-papers-open-data', 'Committee papers as open data: a how-to', 'How Camden is publishing committee papers as open data.',
   null, 'guide', null, 'ogl_3', 'draft', 'democracy-transparency', 17, 11, 15),
  ('homepage-accessibility-audit', 'Five council homepages: accessibility audit',
   'Common accessibility failures on council homepages and how to fix them.', null,
   'research', null, 'cc_by_4', 'published', 'quality-standards', 11, 30, 6),
  ('old-letter-template', 'Letter template (superseded)', 'Superseded by the Essex style guide.', null,
   'template', null, 'ogl_3', 'archived', 'content-platform', null, 3, 280),
  -- Aisha's draft: only she (its contributor) and the steering group see it.
  ('missed-bin-reminder-letters', 'Missed bin reminder letters (draft)',
   'Plain English letters for residents whose bins were missed twice.',
   E'## Letters so far\n\n1. First missed collection\n2. Second missed collection\n\nStill to write: the letter for assisted collections.',
   'template', null, 'ogl_3', 'draft', 'content-platform', null, 3, 2)
) as o(slug, title, summary, body, kind, url, licence, status, ws, c, by, days_ago);

insert into public.output_contributors (output_id, user_id, role)
select pg_temp.output(x.slug), pg_temp.u(x.u), x.role
from (values
  ('user-stories-session-pack', 23, 'exercises'), ('user-stories-session-pack', 7, 'review'),
  ('missed-bin-content-research', 15, 'analysis'), ('blue-badge-form', 20, 'code'),
  ('planning-applications-schema-data', 17, 'data'), ('planning-applications-schema-data', 24, 'pipeline'),
  ('service-standard-draft', 30, 'accessibility'), ('website-benchmark-method', 6, 'data'),
  ('camp-show-and-tell-recording', 26, 'editing')
) as x(slug, u, role)
on conflict do nothing;

insert into public.output_outcomes (output_id, outcome_id)
select pg_temp.output(x.slug), pg_temp.outcome(x.outcome)
from (values
  ('user-stories-session-pack', 'modern-digital-skills'), ('user-stories-session-pack', 'doing-and-showing'),
  ('essex-content-style-guide', 'open-by-default'), ('essex-content-style-guide', 'less-duplicated-spend'),
  ('missed-bin-content-research', 'focusing-on-need'), ('missed-bin-content-research', 'done-first-time-online'),
  ('blue-badge-form', 'less-duplicated-spend'), ('blue-badge-form', 'digital-by-design'),
  ('planning-applications-schema-data', 'shared-data-standards'), ('planning-applications-schema-data', 'open-by-default'),
  ('spending-data-csv-how-to', 'open-by-default'), ('website-benchmark-method', 'evidence-and-data-driven'),
  ('digital-inclusion-charter-case-study', 'nobody-left-behind'), ('service-standard-draft', 'accessible-services'),
  ('camp-show-and-tell-recording', 'doing-and-showing'), ('analytics-basics-template', 'modern-digital-skills'),
  ('analytics-basics-template', 'evidence-and-data-driven'), ('committee-papers-open-data', 'open-local-democracy'),
  ('homepage-accessibility-audit', 'accessible-services')
) as x(slug, outcome);

-- A renamed output: its first address (/outputs/homepage-accessibility-audit) redirects.
update public.outputs
set title = 'Accessibility audit of five council homepages',
    slug = private.slug_for_output('Accessibility audit of five council homepages', id)
where slug = 'homepage-accessibility-audit';

-- "We've used this"
insert into public.output_reuses (output_id, organisation_id, user_id, phase, note, created_at)
select pg_temp.output(r.slug), pg_temp.org(r.org), pg_temp.u(r.u), r.phase::public.delivery_phase, r.note,
       now() - make_interval(days => r.days_ago)
from (values
  ('essex-content-style-guide', 'hackney-council', 3, 'live', 'Adopted as the base of our own guide; we kept 90% of it.', 80),
  ('essex-content-style-guide', 'devon-county-council', 25, 'live', null, 70),
  ('essex-content-style-guide', 'adur-worthing-councils', 4, 'discovery', 'Reading it before we redo our site.', 2),
  ('essex-content-style-guide', 'bristol-city-council', 8, 'beta', null, 60),
  ('essex-content-style-guide', 'kirklees-council', 10, 'live', null, 40),
  ('essex-content-style-guide', 'buckinghamshire-council', 32, 'alpha', null, 9),
  ('essex-content-style-guide', 'oxfordshire-county-council', 13, 'live', 'Used for our accessibility statement wording.', 30),
  ('blue-badge-form', 'buckinghamshire-council', 32, 'alpha', 'Running it in a test environment.', 8),
  ('blue-badge-form', 'north-yorkshire-council', 16, 'discovery', null, 40),
  ('blue-badge-form', 'open-civic', 20, 'beta', 'Packaged it for two client councils.', 30),
  ('user-stories-session-pack', 'brighton-hove-city-council', 7, 'live', 'Ran it for our housing team.', 10),
  ('user-stories-session-pack', 'essex-county-council', 29, 'live', null, 6),
  ('website-benchmark-method', 'oxfordshire-county-council', 13, 'live', null, 200),
  ('website-benchmark-method', 'surrey-county-council', 28, 'live', null, 150),
  ('planning-applications-schema-data', 'camden-council', 24, 'alpha', 'Mapping our data to the same schema.', 12),
  ('missed-bin-content-research', 'bristol-city-council', 8, 'alpha', null, 5),
  ('analytics-basics-template', 'stockport-council', 23, 'live', null, 20),
  ('analytics-basics-template', 'leeds-city-council', 17, 'live', null, 15)
) as r(slug, org, u, phase, note, days_ago);

-- ---------------------------------------------------------------------------------------
-- Patterns
insert into public.patterns (slug, title, summary, problem, when_to_use, when_not_to_use, how_it_works,
                             research_evidence, maturity, last_reviewed_on, status, workstream_id, created_by, created_at)
select p.slug, p.title, p.summary, p.problem, p.when_to_use, p.when_not_to_use, p.how_it_works, p.evidence,
       p.maturity::public.pattern_maturity, current_date - p.reviewed_days_ago, p.status::public.content_status,
       pg_temp.ws(p.ws), pg_temp.u(p.by), now() - make_interval(days => p.days_ago)
from (values
  ('check-before-you-report', 'Check before you report',
   'Show what is already known (a bin round running late, a road already reported) before asking people to report it.',
   'People report problems the council already knows about, which creates calls and duplicate cases.',
   'When a problem affects many people at once and you know about it before they tell you.',
   'When every report needs its own case, for example safeguarding concerns.',
   E'1. Ask for the location first.\n2. Show known problems near it, with what is being done and when.\n3. Let people add themselves to an existing report instead of making a new one.',
   'Hackney found a third of missed-bin reports were for rounds already known to be late.',
   'recommended', 20, 'published', 'content-platform', 3, 200),
  ('tell-us-once-change-of-address', 'Tell us once about a change of address',
   'One form that updates council tax, electoral registration and other services together.',
   'People moving home have to tell several council services separately and some never do.',
   'When several services hold the same address for the same person.',
   'When services cannot legally share the data without consent: ask first.',
   E'Ask for the new address once, then show which services will be told and let the person untick any.',
   'Two councils in alpha; contact about address changes fell in both.',
   'beta', 60, 'published', 'transactional-platform', 9, 180),
  ('assisted-digital-phone-callback', 'Phone callback for people who get stuck online',
   'Offer a callback at the point people get stuck, instead of a phone number on a contact page.',
   'People who get stuck online give up or call a general number and start again.',
   'For services where a failed online attempt leads to a call anyway.',
   'Where no one can call back within a working day.',
   E'At the step where people most often drop out, offer "Ask us to call you". The caller sees what the person already entered.',
   'Kirklees pilot: 40% of callbacks completed the service on the same call.',
   'experimental', 30, 'published', 'assisted-digital', 10, 90),
  ('meeting-papers-as-open-data', 'Meeting papers as open data',
   'Publish committee agendas, papers and decisions as structured data as well as PDFs.',
   'Residents and journalists cannot search or reuse decisions locked in PDFs.',
   'For any council meeting whose papers are public.',
   'For exempt items.',
   E'Publish each meeting, item and decision with a stable URL and a JSON version, using the shared schema.',
   null, 'experimental', 100, 'published', 'democracy-transparency', 11, 60),
  ('find-your-bin-day', 'Find your bin day',
   'Ask for a postcode, then the address, then show the next collection for each bin.',
   'Bin day is the most common question on council websites and many answers are PDFs of rounds.',
   'When collection data is available from the waste system.',
   'When rounds change so often that the data would be wrong.',
   E'Postcode, choose address, then the next three collections per bin type with a calendar download.',
   'The most visited page on four of the councils in the benchmark.',
   'recommended', 400, 'published', 'content-platform', 8, 500),
  ('service-status-page', 'Service status page', 'Tell people when an online service is down and when it will be back.',
   'People retry a broken service, then call.', null, null, null, null,
   'experimental', null, 'draft', 'quality-standards', 13, 5),
  ('pdf-forms', 'Downloadable PDF forms',
   'Retired: people could not complete them on phones and staff had to re-key them.',
   'Paper forms put online.', null, 'Do not use: design an online form instead.', null,
   'Every council in the benchmark that replaced PDF forms saw fewer errors.',
   'retired', 365, 'published', 'transactional-platform', 5, 380)
) as p(slug, title, summary, problem, when_to_use, when_not_to_use, how_it_works, evidence, maturity,
       reviewed_days_ago, status, ws, by, days_ago);

insert into public.pattern_examples (pattern_id, output_id, note)
select pg_temp.pattern(x.p), pg_temp.output(x.o), x.note
from (values
  ('check-before-you-report', 'missed-bin-content-research', 'The research that led to this pattern.'),
  ('tell-us-once-change-of-address', 'blue-badge-form', 'Uses the same address lookup.'),
  ('meeting-papers-as-open-data', 'committee-papers-open-data', null),
  ('pdf-forms', 'website-benchmark-method', 'Evidence for retiring it.'),
  ('find-your-bin-day', 'essex-content-style-guide', 'Bin content follows this guide.')
) as x(p, o, note);

insert into public.pattern_outcomes (pattern_id, outcome_id)
select pg_temp.pattern(x.p), pg_temp.outcome(x.o)
from (values
  ('check-before-you-report', 'done-first-time-online'), ('check-before-you-report', 'focusing-on-need'),
  ('tell-us-once-change-of-address', 'digital-by-design'), ('assisted-digital-phone-callback', 'nobody-left-behind'),
  ('meeting-papers-as-open-data', 'open-local-democracy'), ('meeting-papers-as-open-data', 'open-by-default'),
  ('find-your-bin-day', 'done-first-time-online'), ('service-status-page', 'done-first-time-online'),
  ('pdf-forms', 'digital-by-design')
) as x(p, o);

insert into public.pattern_adoptions (pattern_id, organisation_id, user_id, phase, note, created_at)
select pg_temp.pattern(a.p), pg_temp.org(a.org), pg_temp.u(a.u), a.phase::public.delivery_phase, a.note,
       now() - make_interval(days => a.days_ago)
from (values
  ('check-before-you-report', 'hackney-council', 18, 'live', 'On missed bins and street lights.', 150),
  ('check-before-you-report', 'bristol-city-council', 26, 'beta', null, 60),
  ('check-before-you-report', 'leeds-city-council', 17, 'alpha', null, 30),
  ('find-your-bin-day', 'devon-county-council', 25, 'live', null, 250),
  ('find-your-bin-day', 'essex-county-council', 15, 'live', null, 240),
  ('find-your-bin-day', 'north-yorkshire-council', 16, 'live', null, 200),
  ('find-your-bin-day', 'kirklees-council', 27, 'beta', null, 100),
  ('find-your-bin-day', 'buckinghamshire-council', 14, 'live', null, 90),
  ('tell-us-once-change-of-address', 'monmouthshire-county-council', 9, 'alpha', null, 120),
  ('tell-us-once-change-of-address', 'buckinghamshire-council', 32, 'discovery', null, 8),
  ('assisted-digital-phone-callback', 'kirklees-council', 27, 'alpha', 'Pilot in council tax.', 60),
  ('meeting-papers-as-open-data', 'camden-council', 24, 'alpha', null, 40)
) as a(p, org, u, phase, note, days_ago);

-- Known gaps, the last section of a pattern page.
update public.patterns set known_gaps = x.gaps
from (values
  ('check-before-you-report', 'Not yet tried for problems reported by phone: call handlers see a different screen.'),
  ('assisted-digital-phone-callback', E'- No evidence yet outside council tax.\n- Callbacks outside office hours are untested.')
) as x(slug, gaps)
where patterns.slug = x.slug;

-- The retired tag still tags what it tagged.
insert into public.pattern_outcomes (pattern_id, outcome_id)
values (pg_temp.pattern('pdf-forms'), pg_temp.outcome('paperless-offices'));

-- Review history: each review set the maturity with a note. "Find your bin day" was last
-- reviewed over a year ago, so it is due for review (and in the steering group's view).
insert into public.pattern_reviews (pattern_id, maturity, previous_maturity, note, reviewed_by, reviewed_on, created_at)
select pg_temp.pattern(r.p), r.maturity::public.pattern_maturity, r.previous::public.pattern_maturity,
       r.note, pg_temp.u(r.u), current_date - r.days_ago, now() - make_interval(days => r.days_ago)
from (values
  ('check-before-you-report', 'beta', 'experimental', 'Hackney has it live on missed bins and Bristol in beta.', 3, 120),
  ('check-before-you-report', 'recommended', 'beta', 'Three councils use it; duplicate reports fell in each.', 1, 20),
  ('tell-us-once-change-of-address', 'beta', 'experimental', 'Two councils in alpha with results to share.', 9, 60),
  ('find-your-bin-day', 'recommended', 'beta', 'Live in five councils, the most visited page on four.', 8, 400),
  ('pdf-forms', 'retired', 'beta', 'Every council that replaced PDF forms saw fewer errors. Design an online form instead.', 1, 365)
) as r(p, maturity, previous, note, u, days_ago);

-- ---------------------------------------------------------------------------------------
-- Events. Times are set on the London clock: 09:30 local is 09:30 whatever the season.
insert into public.events (id, slug, kind, title, summary, description, starts_at, ends_at, venue, is_online,
                           capacity, registration_opens_at, registration_closes_at, status, workstream_id,
                           parent_event_id, created_by, created_at)
values
  (pg_temp.e(1), 'localgovcamp-spring', 'camp', 'LocalGovCamp Spring',
   'Two days: a makers day on Friday and the unconference on Saturday.',
   E'An unconference: the agenda is pitched on the morning. Bring a problem, a half-finished thing or a question.\n\nFriday is for making; Saturday is the camp itself.',
   ((current_date - 60)::timestamp + time '09:30') at time zone 'Europe/London',
   ((current_date - 59)::timestamp + time '17:00') at time zone 'Europe/London',
   'Birmingham, Impact Hub', false, 150, now() - interval '120 days', now() - interval '62 days',
   'published', null, null, pg_temp.u(7), now() - interval '130 days'),
  (pg_temp.e(2), 'show-and-tell-bins-badges-benchmarks', 'show_and_tell', 'Show-and-tell: bins, badges and benchmarks',
   'Five ten-minute slots of work in progress from five councils.', E'Online. Each slot is ten minutes of show and five of questions.',
   ((current_date - 21)::timestamp + time '12:00') at time zone 'Europe/London',
   ((current_date - 21)::timestamp + time '13:30') at time zone 'Europe/London',
   null, true, 100, now() - interval '45 days', now() - interval '21 days', 'published', null, null,
   pg_temp.u(7), now() - interval '50 days'),
  (pg_temp.e(3), 'show-and-tell-data-and-democracy', 'show_and_tell', 'Show-and-tell: data and democracy',
   'Open data pipelines, committee papers and what councillors want from data.',
   E'Online. Five slots; the joining link is sent to people who registered.',
   ((current_date + 10)::timestamp + time '12:00') at time zone 'Europe/London',
   ((current_date + 10)::timestamp + time '13:30') at time zone 'Europe/London',
   null, true, 80, now() - interval '14 days', ((current_date + 10)::timestamp + time '11:00') at time zone 'Europe/London',
   'published', pg_temp.ws('open-linked-data'), null, pg_temp.u(6), now() - interval '15 days'),
  (pg_temp.e(4), 'localgovcamp-north', 'camp', 'LocalGovCamp North',
   'Two days in Leeds: pitch a session, mark the ones you''d go to.',
   E'The pitching board is open now: add what you want to talk about or make. On the day we build the grid from the most wanted pitches.',
   ((current_date + 40)::timestamp + time '09:30') at time zone 'Europe/London',
   ((current_date + 41)::timestamp + time '16:30') at time zone 'Europe/London',
   'Leeds, Central Library', false, 12, now() - interval '10 days',
   ((current_date + 33)::timestamp + time '17:00') at time zone 'Europe/London',
   'published', null, null, pg_temp.u(1), now() - interval '12 days'),
  (pg_temp.e(5), 'makers-day-north', 'workshop', 'Makers day (LocalGovCamp North fringe)',
   'A day of building things together the day before camp.', null,
   ((current_date + 39)::timestamp + time '10:00') at time zone 'Europe/London',
   ((current_date + 39)::timestamp + time '16:00') at time zone 'Europe/London',
   'Leeds, Central Library', false, 30, now() - interval '5 days', null,
   'published', pg_temp.ws('transactional-platform'), pg_temp.e(4), pg_temp.u(9), now() - interval '6 days'),
  (pg_temp.e(6), 'change-academy-service-ownership', 'workshop', 'Change Academy: service ownership',
   'Draft: a two-hour workshop on what a service owner does.', null,
   ((current_date + 70)::timestamp + time '10:00') at time zone 'Europe/London',
   ((current_date + 70)::timestamp + time '12:00') at time zone 'Europe/London',
   null, true, 25, null, null, 'draft', pg_temp.ws('change-academy'), null, pg_temp.u(2), now() - interval '3 days'),
  (pg_temp.e(7), 'south-west-meetup', 'meetup', 'South West meetup',
   'Cancelled: venue unavailable. We''ll rearrange in the new year.', null,
   ((current_date + 18)::timestamp + time '18:00') at time zone 'Europe/London',
   ((current_date + 18)::timestamp + time '20:00') at time zone 'Europe/London',
   'Exeter', false, 40, now() - interval '30 days', null, 'cancelled', null, null, pg_temp.u(5), now() - interval '35 days');

insert into public.event_organisers (event_id, user_id) values
  (pg_temp.e(1), pg_temp.u(1)), (pg_temp.e(1), pg_temp.u(2)), (pg_temp.e(2), pg_temp.u(26)),
  (pg_temp.e(3), pg_temp.u(11)), (pg_temp.e(4), pg_temp.u(7)), (pg_temp.e(4), pg_temp.u(17))
on conflict do nothing;

insert into public.event_private_details (event_id, online_url, joining_instructions) values
  (pg_temp.e(2), 'https://meet.example.org/localgov-show-and-tell-1', 'Cameras optional. Questions in the chat.'),
  (pg_temp.e(3), 'https://meet.example.org/localgov-show-and-tell-2', 'Cameras optional. Questions in the chat.'),
  (pg_temp.e(4), null, 'Enter by the side door on Calverley Street; the camp is on the second floor.'),
  (pg_temp.e(6), 'https://meet.example.org/change-academy-service-ownership', null);

insert into public.event_outcomes (event_id, outcome_id)
select pg_temp.e(x.e), pg_temp.outcome(x.o)
from (values
  (1, 'networked-and-collaborative'), (1, 'doing-and-showing'), (2, 'doing-and-showing'),
  (3, 'open-local-democracy'), (3, 'open-by-default'), (4, 'networked-and-collaborative'),
  (5, 'doing-and-showing'), (6, 'modern-digital-skills')
) as x(e, o);

-- The spring camp's session grid: 3 rooms x 3 time blocks on each of its two days.
insert into public.event_sessions (event_id, title, description, room, starts_at, ends_at, notes, created_at)
select pg_temp.e(1), s.title, s.description, s.room,
       ((current_date - 60 + s.day)::timestamp + s.starts) at time zone 'Europe/London',
       ((current_date - 60 + s.day)::timestamp + s.starts + interval '50 minutes') at time zone 'Europe/London',
       s.notes, now() - interval '60 days'
from (values
  (0, time '10:00', 'Main hall', 'Making the Change Academy happen', 'What would practical skills sessions look like?',
   E'Agreed to pilot a user stories session. **What next:** Tom to commit to a pilot.'),
  (0, time '10:00', 'Room 2', 'Blue badge forms: build once?', null, E'Monmouthshire will open source theirs.'),
  (0, time '10:00', 'Room 3', 'Open data on a shoestring', null, null),
  (0, time '11:30', 'Main hall', 'Shared content for bins', null, E'Five councils compared bin pages. **What next:** a shared content model.'),
  (0, time '11:30', 'Room 2', 'Accessibility regulations: where are we?', null, null),
  (0, time '11:30', 'Room 3', 'Councillors and digital', null, null),
  (0, time '14:00', 'Main hall', 'Is a local GDS still the answer?', 'The old debate, with new evidence.', E'Less talk about a local GDS, more doing. See the commitments board.'),
  (0, time '14:00', 'Room 2', 'Payments providers: war stories', null, null),
  (0, time '14:00', 'Room 3', 'Digital inclusion after the Care Act', null, E'Proposal for a social care front door workstream.'),
  (1, time '10:00', 'Main hall', 'Service standard for local services', null, E'Draft points written on the wall; Nadia to type them up.'),
  (1, time '10:00', 'Room 2', 'Measuring carbon of hosting', null, null),
  (1, time '10:00', 'Room 3', 'Committee papers as open data', null, null),
  (1, time '11:30', 'Main hall', 'Show us your analytics reports', null, null),
  (1, time '11:30', 'Room 2', 'Find your bin day APIs', null, E'Three suppliers, three APIs. Ravi to spike a wrapper.'),
  (1, time '11:30', 'Room 3', 'Plain English letters', null, null),
  (1, time '14:00', 'Main hall', 'What should the network stop doing?', null, null),
  (1, time '14:00', 'Room 2', 'Pairing with newcomer councils', null, null),
  (1, time '14:00', 'Room 3', 'Annual "what we made" summary', null, null)
) as s(day, starts, room, title, description, notes);

-- Show-and-tell slots (sessions with presenters and linked outputs).
insert into public.event_sessions (event_id, title, description, starts_at, ends_at, created_at)
select pg_temp.e(s.e), s.title, s.description,
       ((current_date + s.day)::timestamp + s.starts) at time zone 'Europe/London',
       ((current_date + s.day)::timestamp + s.starts + interval '15 minutes') at time zone 'Europe/London',
       now() - interval '25 days'
from (values
  (2, -21, time '12:05', 'Missed bins: what residents told us', 'Hackney''s content testing.'),
  (2, -21, time '12:20', 'The blue badge form, open sourced', 'Monmouthshire''s code and how to reuse it.'),
  (2, -21, time '12:35', 'An open website benchmark', 'How 150 sites were measured.'),
  (2, -21, time '12:50', 'User stories in two hours', 'The first Change Academy session.'),
  (2, -21, time '13:05', 'Analytics reports people read', 'A one-page template.'),
  (3, 10, time '12:05', 'Planning applications to a shared schema', 'Leeds'' nightly feed.'),
  (3, 10, time '12:20', 'Committee papers as open data', 'Camden''s first steps.'),
  (3, 10, time '12:35', 'What councillors want from service data', null),
  (3, 10, time '12:50', 'A pipeline for committee attendance', null),
  (3, 10, time '13:05', 'Homepage accessibility: five audits', null)
) as s(e, day, starts, title, description);

-- Presenters, by event and session title: a title can recur across events (a camp session
-- that later became a show-and-tell slot), and only the session meant gets the presenter.
insert into public.session_presenters (session_id, user_id)
select s.id, pg_temp.u(x.u)
from (values
  (1, 'Making the Change Academy happen', 2), (1, 'Blue badge forms: build once?', 9),
  (1, 'Shared content for bins', 8), (1, 'Shared content for bins', 3),
  (1, 'Service standard for local services', 13), (1, 'Find your bin day APIs', 20),
  (1, 'Digital inclusion after the Care Act', 27), (1, 'Is a local GDS still the answer?', 1),
  (2, 'Missed bins: what residents told us', 3), (2, 'The blue badge form, open sourced', 9),
  (2, 'An open website benchmark', 5), (2, 'User stories in two hours', 2),
  (2, 'Analytics reports people read', 23),
  (3, 'Planning applications to a shared schema', 6), (3, 'Committee papers as open data', 11),
  (3, 'What councillors want from service data', 31), (3, 'A pipeline for committee attendance', 24),
  (3, 'Homepage accessibility: five audits', 30)
) as x(e, title, u)
join public.event_sessions s on s.event_id = pg_temp.e(x.e) and s.title = x.title;

insert into public.session_outputs (session_id, output_id)
select s.id, pg_temp.output(x.o)
from (values
  ('Missed bins: what residents told us', 'missed-bin-content-research'),
  ('The blue badge form, open sourced', 'blue-badge-form'),
  ('An open website benchmark', 'website-benchmark-method'),
  ('User stories in two hours', 'user-stories-session-pack'),
  ('Analytics reports people read', 'analytics-basics-template'),
  ('Planning applications to a shared schema', 'planning-applications-schema-data'),
  ('Homepage accessibility: five audits', 'homepage-accessibility-audit')
) as x(title, o)
join public.event_sessions s on s.title = x.title and s.event_id in (pg_temp.e(2), pg_temp.e(3));

-- Pitches: the spring camp's became sessions (two became commitments); the northern
-- camp's board is open, with interest marks.
insert into public.pitches (event_id, pitched_by, title, description, session_id, commitment_id, created_at)
select pg_temp.e(p.e), pg_temp.u(p.u), p.title, p.description,
       (select s.id from public.event_sessions s where s.event_id = pg_temp.e(p.e) and s.title = p.title),
       case when p.c is null then null else pg_temp.c(p.c) end,
       now() - make_interval(days => p.days_ago)
from (values
  (1, 2, 'Making the Change Academy happen', 'Practical skills for council staff.', 1, 60),
  (1, 9, 'Blue badge forms: build once?', null, 7, 60),
  (1, 8, 'Shared content for bins', null, null, 60),
  (1, 13, 'Service standard for local services', null, null, 59),
  (1, 20, 'Find your bin day APIs', null, null, 59),
  (1, 27, 'Digital inclusion after the Care Act', null, null, 60),
  (1, 12, 'Blockchain for parking permits', 'Not enough interest on the day.', null, 60),
  (4, 3, 'Content design crit club', 'Bring a page, get it critiqued kindly.', null, 9),
  (4, 24, 'Open data pipelines without a data team', null, null, 8),
  (4, 31, 'What councillors need from digital teams', null, null, 7),
  (4, 27, 'Social care front door: who''s in?', 'Looking for councils for the proposed workstream.', null, 6),
  (4, 20, 'Reusing open source forms: a live demo', null, null, 5),
  (4, 12, 'Green hosting: one year on', null, null, 4),
  (4, 4, 'I''m new: what should a small council start with?', null, null, 2),
  (4, 30, 'Accessibility audits that teams act on', null, null, 3)
) as p(e, u, title, description, c, days_ago);

insert into public.pitch_interests (pitch_id, user_id, created_at)
select p.id, pg_temp.u(u.n), p.created_at + interval '1 day'
from public.pitches p
cross join generate_series(1, 32) as u(n)
where p.event_id = pg_temp.e(4)
  and pg_temp.u(u.n) <> p.pitched_by
  -- a spread of interest: some pitches are popular, some are not
  and (u.n * 7 + length(p.title)) % (case when p.title like 'I''m new%' then 2 else 4 end) = 0;

insert into public.pitch_interests (pitch_id, user_id, created_at)
select p.id, pg_temp.u(u.n), p.created_at
from public.pitches p
cross join generate_series(1, 32) as u(n)
where p.event_id = pg_temp.e(1) and pg_temp.u(u.n) <> p.pitched_by and (u.n + length(p.title)) % 5 = 0;

-- What next, written at the spring camp (one became a commitment through its pitch).
update public.event_sessions s set what_next = x.what_next
from (values
  ('Shared content for bins', 'A shared content model for bin collection pages, tested with five councils.'),
  ('Find your bin day APIs', 'A small wrapper over the three suppliers'' bin day APIs, published as open source.'),
  ('Service standard for local services', 'Type up the draft points and share them for comment.')
) as x(title, what_next)
where s.event_id = pg_temp.e(1) and s.title = x.title;

-- An open offer to show at the upcoming show-and-tell, waiting for its organiser.
insert into public.show_offers (event_id, offered_by, title, description, created_at)
values (pg_temp.e(3), pg_temp.u(20), 'One API for three bin day suppliers',
        'Ten minutes on the wrapper from the spring camp, and how to reuse it.', now() - interval '2 days');

-- Registrations. Past events: people went. Upcoming events: through register_for_event,
-- signed in as each person in turn, so the waitlist fills exactly as in real use.
insert into public.registrations (event_id, user_id, status, position, registered_at)
select pg_temp.e(1), pg_temp.u(n), 'going', null, now() - interval '100 days' + make_interval(hours => n)
from generate_series(1, 32) as n where n not in (4, 32, 31, 30, 29);
insert into public.registrations (event_id, user_id, status, position, registered_at)
select pg_temp.e(2), pg_temp.u(n), 'going', null, now() - interval '40 days' + make_interval(hours => n)
from generate_series(1, 26) as n where n % 3 <> 0;

do $$
declare
  n integer;
begin
  -- LocalGovCamp North has 12 places: 15 registrations leave 3 on the waiting list.
  foreach n in array array[7, 1, 3, 6, 17, 24, 31, 20, 27, 12, 30, 2, 9, 15, 10] loop
    perform set_config('request.jwt.claims',
      json_build_object('sub', pg_temp.u(n), 'role', 'authenticated')::text, true);
    perform public.register_for_event(pg_temp.e(4));
  end loop;
  foreach n in array array[6, 11, 24, 31, 17, 3, 13, 22] loop
    perform set_config('request.jwt.claims',
      json_build_object('sub', pg_temp.u(n), 'role', 'authenticated')::text, true);
    perform public.register_for_event(pg_temp.e(3));
  end loop;
  foreach n in array array[9, 20, 18, 16] loop
    perform set_config('request.jwt.claims',
      json_build_object('sub', pg_temp.u(n), 'role', 'authenticated')::text, true);
    perform public.register_for_event(pg_temp.e(5));
  end loop;
  -- Someone drops out of the camp: the first on the waiting list gets the place.
  perform set_config('request.jwt.claims',
    json_build_object('sub', pg_temp.u(12), 'role', 'authenticated')::text, true);
  perform public.cancel_registration(pg_temp.e(4));
  -- Back to no signed-in user for the rest of the seed.
  perform set_config('request.jwt.claims', '', true);
end
$$;

-- ---------------------------------------------------------------------------------------
-- Email (20261201001400): what demo members follow and how they want email. Aisha (a
-- plain member, weekly digest) follows the Quality standards workstream and the "Open by
-- default" outcome, so `npm run worker -- --once --digests-now` gives her a digest with
-- this week's news. Tom wants outputs for outcomes he follows at once.
insert into public.follows (profile_id, workstream_id, outcome_id) values
  (pg_temp.u(3), pg_temp.ws('quality-standards'), null),
  (pg_temp.u(3), null, pg_temp.outcome('open-by-default')),
  (pg_temp.u(2), null, pg_temp.outcome('focusing-on-need'));
insert into public.email_preferences (profile_id, muted_kinds, outcome_outputs_at_once) values
  (pg_temp.u(2), '{}', true);

-- ---------------------------------------------------------------------------------------
-- Fix-ups that make the history look lived-in. Triggers are off here (replica mode) so
-- these corrections are not themselves logged as activity.
set local session_replication_role = replica;

-- Next check-in dates that tell the staleness story:
--   on track (future), overdue (a few days past), dormant (more than 30 days past).
update public.commitments c
set next_check_in_on = case when c.status in ('done', 'dropped') then null else private.london_today() + x.next_in end
from (values
  (1, 0), (2, 9), (3, -12), (4, 5), (5, -45), (6, 0), (7, -20), (8, -120), (9, 16), (10, 12),
  (11, 14), (12, -3), (13, -75), (14, 0), (15, 20), (16, 10), (17, 8), (18, 21), (19, -150),
  (20, 0), (21, 0), (22, 4), (23, -33), (24, 14), (25, 7), (26, -6), (27, 13), (28, -200)
) as x(n, next_in)
where c.id = pg_temp.c(x.n);

-- The latest check-in on each commitment promised that date; earlier ones two weeks on.
update public.check_ins ci
set next_check_in_on = case
      when ci.status_to in ('done', 'dropped') then null
      when ci.id = (select l.id from public.check_ins l where l.commitment_id = ci.commitment_id
                    order by l.created_at desc limit 1)
        then (select c.next_check_in_on from public.commitments c where c.id = ci.commitment_id)
      else (ci.created_at at time zone 'Europe/London')::date + 14 end;

-- Done means done when the check-in said so.
update public.commitments c
set completed_at = (select max(ci.created_at) from public.check_ins ci
                    where ci.commitment_id = c.id and ci.status_to = 'done')
where c.status = 'done';

-- Commitments last touched when their latest check-in was made.
update public.commitments c
set updated_at = coalesce((select max(ci.created_at) from public.check_ins ci where ci.commitment_id = c.id), c.created_at);

-- An archived commitment (members archive rather than delete).
update public.commitments set archived_at = now() - interval '100 days' where id = pg_temp.c(28);

-- Profiles joined when their accounts were made; so did their "joined" activity.
update public.profiles p set created_at = u.created_at, updated_at = u.created_at
from auth.users u where u.id = p.id;
update public.activity a set created_at = p.created_at
from public.profiles p where a.verb = 'joined_network' and a.subject_id = p.id;
update public.workstream_members m set created_at = m.joined_at, updated_at = m.joined_at;
-- Registrations were first written when their people joined the queue.
update public.registrations r set created_at = r.registered_at where r.registered_at < r.created_at;
update public.activity a set created_at = m.joined_at
from public.workstream_members m
where a.verb = 'joined' and a.subject_id = m.workstream_id and a.actor_id = m.user_id;

set local session_replication_role = origin;

drop function pg_temp.u(integer);
drop function pg_temp.c(integer);
drop function pg_temp.e(integer);
drop function pg_temp.org(text);
drop function pg_temp.ws(text);
drop function pg_temp.outcome(text);
drop function pg_temp.output(text);
drop function pg_temp.pattern(text);
