// A large, believable network for benchmarks: 20,000 members, 300 workstreams, 100,000
// commitments with 300,000 check-ins, 30,000 outputs, 3,000 patterns, 5,000 events with
// 200,000 registrations (at --scale 1), deterministic from --seed.
//
//   npm run seed:large                      # into the running stack (npm run stack)
//   npm run seed:large -- --seed 7 --scale 0.1
//   DATABASE_URL=postgres://... npm run seed:large
//
// Every table is filled by one set-based statement (insert ... select ... from
// generate_series) on the server; nothing is generated row by row in JavaScript. The
// "randomness" is an md5 of (seed, salt, row number), so the same seed gives the same rows
// on PGlite and on Postgres, whatever the plan. Triggers (activity logging, version
// stamping, creator-as-lead ...) are bypassed with session_replication_role = replica,
// set per transaction, so the load is fast and adds exactly the rows below; activity is
// then derived in bulk from what was loaded.
import { pathToFileURL } from 'node:url';
import { connectPg } from '../stack/db/pg.ts';
import type { Sql } from '../stack/db/sql.ts';
import { REGIONS } from '../src/lib/regions.ts';

export interface SeedLargeOptions {
  seed: number;
  scale: number;
  log?: (line: string) => void;
}

/** How many rows each generated table gets at a scale. */
export function plannedCounts(scale: number) {
  const n = (base: number, min = 1) => Math.max(min, Math.round(base * scale));
  const members = n(20_000, 20);
  const workstreams = n(300, 3);
  const commitments = n(100_000);
  const events = n(5_000, 5);
  return {
    members,
    organisations: n(500, 5),
    outcomes: 40, // a curated vocabulary does not grow with the network
    workstreams,
    commitments,
    checkIns: commitments * 3,
    watchers: n(50_000),
    outputs: n(30_000),
    outputReuses: n(20_000),
    patterns: n(3_000),
    events,
    // 40 registrations per event: 200,000 at scale 1.
    registrations: events * 40,
    // Up to 30 people per workstream, fewer when the network is tiny.
    membersPerWorkstream: Math.min(30, members - 1)
  };
}

export const LARGE_EMAIL_DOMAIN = 'large.localgov.test';

// Word lists for titles and names (ASCII, so handles fit the profile handle rule).
const firstNames = [
  'Amy',
  'Ben',
  'Chloe',
  'Dev',
  'Ella',
  'Finn',
  'Grace',
  'Hassan',
  'Isla',
  'Jack',
  'Kiran',
  'Lucy',
  'Mo',
  'Nia',
  'Owen',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Vik',
  'Wendy',
  'Yusuf',
  'Zara',
  'Aled',
  'Bronwen',
  'Ciaran',
  'Deepa',
  'Eilidh'
];
const lastNames = [
  'Ahmed',
  'Brown',
  'Clarke',
  'Davies',
  'Evans',
  'Fraser',
  'Green',
  'Hughes',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Morgan',
  'Nolan',
  'Owusu',
  'Patel',
  'Quinn',
  'Roberts',
  'Singh',
  'Taylor',
  'Usman',
  'Vaughan',
  'Walker',
  'Young',
  'Zhang',
  'Murray',
  'Campbell',
  'Reid',
  'Price',
  'Begum'
];
const places = [
  'Ashford',
  'Barnsley',
  'Bedford',
  'Blackpool',
  'Bolton',
  'Bradford',
  'Cardiff',
  'Carlisle',
  'Cheshire East',
  'Colchester',
  'Cornwall',
  'Coventry',
  'Croydon',
  'Cumbria',
  'Darlington',
  'Derby',
  'Dorset',
  'Dudley',
  'Durham',
  'Ealing',
  'Exeter',
  'Fife',
  'Gateshead',
  'Gloucester',
  'Halton',
  'Harrow',
  'Hertfordshire',
  'Hull',
  'Ipswich',
  'Kent',
  'Lambeth',
  'Lancashire',
  'Leicester',
  'Lincoln',
  'Luton',
  'Medway',
  'Middlesbrough',
  'Newham',
  'Norfolk',
  'Northumberland',
  'Norwich',
  'Nottingham',
  'Oldham',
  'Peterborough',
  'Plymouth',
  'Portsmouth',
  'Reading',
  'Rochdale',
  'Salford',
  'Sheffield',
  'Shropshire',
  'Solihull',
  'Southwark',
  'Suffolk',
  'Sunderland',
  'Swindon',
  'Telford',
  'Wakefield',
  'Wigan',
  'York'
];
const orgSuffixes = [
  'Council',
  'City Council',
  'County Council',
  'Borough Council',
  'District Council'
];
// The app's own list, so a generated member can save their profile unchanged.
const regions = [...REGIONS];
const skills = [
  'content design',
  'user research',
  'service design',
  'delivery',
  'product management',
  'data',
  'development',
  'accessibility',
  'interaction design',
  'procurement',
  'architecture',
  'leadership'
];
const jobTitles = [
  'Content designer',
  'User researcher',
  'Service designer',
  'Delivery manager',
  'Product manager',
  'Data analyst',
  'Developer',
  'Head of digital',
  'Digital officer',
  'Technical architect'
];
const verbs = [
  'Publish',
  'Prototype',
  'Run a discovery on',
  'Test',
  'Share',
  'Write up',
  'Map',
  'Redesign',
  'Review',
  'Pilot',
  'Document',
  'Open up'
];
const topics = [
  'bin collections',
  'council tax',
  'parking permits',
  'housing repairs',
  'school admissions',
  'planning applications',
  'library services',
  'adult social care',
  'blue badges',
  'street lighting',
  'missed bins',
  'benefits advice',
  'business rates',
  'garden waste',
  'pest control',
  'noise complaints',
  'registering a death',
  'elections',
  'licensing',
  'freedom of information'
];
const things = [
  'content',
  'forms',
  'open data',
  'service patterns',
  'user research',
  'accessibility',
  'case studies',
  'APIs',
  'design system',
  'assisted digital'
];
const soThats = [
  'residents find answers first time',
  'fewer people need to phone us',
  'other councils can reuse it',
  'we stop paying for a bespoke system',
  'staff spend less time rekeying',
  'the service works on a phone',
  'people who are not online still get help',
  'decisions are made on evidence'
];
const notes = [
  'Good progress this fortnight.',
  'Waiting on the supplier.',
  'Shared the draft with two councils.',
  'User testing booked.',
  'Blocked on data access.',
  'Presented at the show and tell.',
  'Rewrote the plan after feedback.',
  'Halfway there.'
];
const outcomeWords = [
  'Focusing on need',
  'Open by default',
  'Digital by design',
  'Networked and collaborative',
  'Doing and showing',
  'Evidence and data driven',
  'Fewer phone calls',
  'Reusable components',
  'Better data',
  'Accessible services',
  'Skilled teams',
  'Lower costs',
  'Trusted information',
  'Joined-up services',
  'Inclusive services',
  'Faster decisions',
  'Open standards',
  'Shared platforms',
  'Greener services',
  'Transparent democracy'
];

const sqlList = (xs: string[]) =>
  `array[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ')}]`;

/**
 * SQL builders. `r(seed, salt, n)`: a number in [0, 1) from the md5 of seed, salt and the
 * row expression n. `id(kind, n)`: the deterministic uuid of row n of a kind.
 */
function builders(seed: number) {
  const s = Math.trunc(seed);
  const r = (salt: number, n: string) =>
    `(('x' || substr(md5('${s}:${salt}:' || (${n})::text), 1, 8))::bit(32)::bigint / 4294967296.0)`;
  const pickInt = (salt: number, n: string, count: number | string) =>
    `(1 + floor(${r(salt, n)} * (${count}))::int)`;
  const pick = (salt: number, n: string, xs: string[]) =>
    `(${sqlList(xs)})[${pickInt(salt, n, xs.length)}]`;
  const id = (kind: string, n: string) => `md5('large:${s}:${kind}:' || (${n})::text)::uuid`;
  return { r, pick, pickInt, id };
}

interface Step {
  name: string;
  sql: string;
}

function steps(seed: number, scale: number): Step[] {
  const c = plannedCounts(scale);
  const { r, pick, pickInt, id } = builders(seed);
  const user = (n: string) => id('user', n);
  const anyUser = (salt: number, n: string) => user(pickInt(salt, n, c.members));
  const org = (n: string) => id('org', n);
  const ws = (n: string) => id('ws', n);
  const cm = (n: string) => id('commitment', n);
  const out = (n: string) => id('output', n);
  const pat = (n: string) => id('pattern', n);
  const ev = (n: string) => id('event', n);
  const outcome = (n: string) => id('outcome', n);
  const ago = (salt: number, n: string, minDays: number, maxDays: number) =>
    `(now() - make_interval(secs => (${minDays} + ${r(salt, n)} * ${maxDays - minDays}) * 86400))`;

  return [
    {
      name: 'organisations',
      sql: `
        insert into public.organisations (id, slug, name, kind, website, created_at, updated_at)
        select ${org('n')}, 'large-org-' || n, x.place || ' ' || x.suffix || ' (' || n || ')',
               case when x.k < 0.85 then 'council' when x.k < 0.93 then 'supplier'
                    when x.k < 0.97 then 'charity' else 'central_government' end::public.org_kind,
               'https://www.example.test/org-' || n, ${ago(3, 'n', 400, 900)}, ${ago(3, 'n', 400, 900)}
        from generate_series(1, ${c.organisations}) n,
        lateral (select ${pick(1, 'n', places)} as place, ${pick(2, 'n', orgSuffixes)} as suffix, ${r(4, 'n')} as k) x`
    },
    {
      name: 'members (auth.users and profiles)',
      sql: `
        insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data,
                                raw_user_meta_data, created_at, updated_at)
        select '00000000-0000-0000-0000-000000000000'::uuid, ${user('n')}, 'authenticated', 'authenticated',
               'member' || n || '@${LARGE_EMAIL_DOMAIN}', ${ago(10, 'n', 1, 900)},
               '{"provider":"email","providers":["email"]}'::jsonb,
               jsonb_build_object('display_name', ${pick(11, 'n', firstNames)} || ' ' || ${pick(12, 'n', lastNames)}),
               ${ago(10, 'n', 1, 900)}, ${ago(10, 'n', 1, 900)}
        from generate_series(1, ${c.members}) n;

        -- The profile trigger is bypassed: write the profiles it would have written, and more.
        insert into public.profiles (id, handle, display_name, organisation_id, job_title, region, skills,
                                     bio, is_public, digest_frequency, created_at, updated_at)
        select ${user('n')}, lower(x.first) || '-' || lower(x.last) || '-' || n, x.first || ' ' || x.last,
               case when ${r(13, 'n')} < 0.9 then ${org(pickInt(14, 'n', c.organisations))} end,
               ${pick(15, 'n', jobTitles)}, ${pick(16, 'n', regions)},
               array[${pick(17, 'n', skills)}, ${pick(18, 'n', skills)}],
               case when ${r(19, 'n')} < 0.5 then 'I work on ' || ${pick(20, 'n', topics)} || ' and ' || ${pick(21, 'n', things)} || '.' end,
               ${r(22, 'n')} < 0.6, ${pick(23, 'n', ['weekly', 'weekly', 'daily', 'never'])},
               ${ago(10, 'n', 1, 900)}, ${ago(10, 'n', 1, 900)}
        from generate_series(1, ${c.members}) n,
        lateral (select ${pick(11, 'n', firstNames)} as first, ${pick(12, 'n', lastNames)} as last) x;

        insert into public.network_roles (user_id, role, granted_by)
        select ${user('n')}, case when n <= 10 then 'steering' else 'admin' end, ${user('1')}
        from generate_series(1, least(13, ${c.members})) n`
    },
    {
      name: 'outcomes',
      sql: `
        insert into public.outcomes (id, slug, title, description, is_principle)
        select ${outcome('n')}, 'large-outcome-' || n,
               (${sqlList(outcomeWords)})[1 + (n - 1) % ${outcomeWords.length}] || case when n > ${outcomeWords.length} then ' (' || n || ')' else '' end,
               'Work that leads to ' || lower((${sqlList(outcomeWords)})[1 + (n - 1) % ${outcomeWords.length}]) || '.',
               n <= 6
        from generate_series(1, ${c.outcomes}) n`
    },
    {
      name: 'workstreams and their members',
      sql: `
        insert into public.workstreams (id, slug, title, purpose, description, status, created_by, created_at, updated_at)
        select ${ws('n')}, 'large-ws-' || n,
               initcap(${pick(30, 'n', topics)}) || ' ' || ${pick(31, 'n', things)} || ' (' || n || ')',
               'Better ' || ${pick(31, 'n', things)} || ' for ' || ${pick(30, 'n', topics)} || ', shared across councils.',
               'We meet fortnightly and share everything we make.',
               case when x.k < 0.75 then 'active' when x.k < 0.85 then 'proposed' when x.k < 0.93 then 'paused' else 'closed' end::public.workstream_status,
               ${anyUser(33, 'n')}, ${ago(34, 'n', 60, 800)}, ${ago(34, 'n', 60, 800)}
        from generate_series(1, ${c.workstreams}) n, lateral (select ${r(32, 'n')} as k) x;

        -- Person j of workstream w: distinct for j < members (7919 is prime).
        insert into public.workstream_members (workstream_id, user_id, role, joined_at, updated_at)
        select ${ws('w')}, ${user(`((j * 7919 + w * 104729) % ${c.members}) + 1`)},
               case when j < 2 then 'lead' else 'member' end::public.workstream_role,
               ${ago(35, 'w * 100 + j', 1, 600)}, ${ago(35, 'w * 100 + j', 1, 600)}
        from generate_series(1, ${c.workstreams}) w, generate_series(0, ${c.membersPerWorkstream - 1}) j
        where j < 2 or ${r(36, 'w * 100 + j')} < 0.8
        on conflict do nothing`
    },
    {
      name: 'commitments',
      sql: `
        insert into public.commitments (id, owner_id, workstream_id, title, so_that, description, due_on, visibility,
                                         status, next_check_in_on, completed_at, closing_note, archived_at,
                                         created_at, updated_at)
        select ${cm('n')}, ${anyUser(40, 'n')},
               case when ${r(41, 'n')} < 0.7 then ${ws(pickInt(42, 'n', c.workstreams))} end,
               ${pick(43, 'n', verbs)} || ' ' || ${pick(44, 'n', things)} || ' for ' || ${pick(45, 'n', topics)},
               ${pick(46, 'n', soThats)},
               'What I will do, and how I will know it worked.',
               current_date + (${r(47, 'n')} * 360 - 180)::int,
               case when ${r(48, 'n')} < 0.8 then 'public' else 'members' end::public.visibility,
               x.status::public.commitment_status,
               case when x.status in ('done', 'dropped') then null else current_date + (${r(49, 'n')} * 120 - 90)::int end,
               case when x.status = 'done' then ${ago(50, 'n', 1, 300)} end,
               case when x.status = 'done' then 'Delivered: see the linked output.'
                    when x.status = 'dropped' then 'Another council got there first.' end,
               case when ${r(51, 'n')} < 0.02 then ${ago(52, 'n', 1, 200)} end,
               ${ago(53, 'n', 30, 730)}, ${ago(53, 'n', 1, 30)}
        from generate_series(1, ${c.commitments}) n,
        lateral (select case when k < 0.25 then 'planned' when k < 0.60 then 'in_progress' when k < 0.65 then 'blocked'
                             when k < 0.90 then 'done' else 'dropped' end as status
                 from (select ${r(54, 'n')} as k) q) x`
    },
    {
      name: 'check-ins',
      sql: `
        insert into public.check_ins (id, commitment_id, author_id, note, status_from, status_to, next_check_in_on, created_at, updated_at)
        select ${id('checkin', 'n')}, cm.id, cm.owner_id, ${pick(60, 'n', notes)}, cm.status, cm.status,
               case when cm.status in ('done', 'dropped') then null else cm.next_check_in_on end,
               cm.created_at + (now() - cm.created_at) * ${r(61, 'n')},
               cm.created_at + (now() - cm.created_at) * ${r(61, 'n')}
        from generate_series(1, ${c.checkIns}) n
        join public.commitments cm on cm.id = ${cm(`1 + ((n - 1) % ${c.commitments})`)}`
    },
    {
      name: 'watchers and offers of help',
      sql: `
        insert into public.commitment_watchers (commitment_id, user_id, kind, note, created_at, updated_at)
        select ${cm(pickInt(70, 'n', c.commitments))}, ${anyUser(71, 'n')},
               case when ${r(72, 'n')} < 0.3 then 'offer_help' else 'watch' end::public.watch_kind,
               case when ${r(72, 'n')} < 0.3 then 'Happy to help with this.' end,
               ${ago(73, 'n', 1, 300)}, ${ago(73, 'n', 1, 300)}
        from generate_series(1, ${c.watchers}) n
        on conflict do nothing`
    },
    {
      name: 'outputs, contributors and reuse',
      sql: `
        insert into public.outputs (id, slug, title, summary, body, kind, external_url, licence, status, workstream_id,
                                    commitment_id, created_by, published_at, created_at, updated_at)
        select ${out('n')}, 'large-output-' || n,
               initcap(${pick(80, 'n', things)}) || ' ' || replace(x.kind, '_', ' ') || ': ' || ${pick(81, 'n', topics)},
               'A ' || replace(x.kind, '_', ' ') || ' about ' || ${pick(81, 'n', topics)} || ' that any council can reuse.',
               '## What it is' || chr(10) || 'We made this while working on ' || ${pick(81, 'n', topics)} || '.' || chr(10) ||
                 '## How to use it' || chr(10) || 'Copy it, change the names, and tell us how it went.',
               x.kind::public.output_kind,
               case when ${r(82, 'n')} < 0.3 then 'https://github.example.test/output-' || n end,
               ${pick(83, 'n', ['ogl_3', 'mit', 'cc_by_4'])}::public.output_licence,
               x.status::public.content_status,
               case when ${r(84, 'n')} < 0.6 then ${ws(pickInt(85, 'n', c.workstreams))} end,
               case when ${r(86, 'n')} < 0.2 then ${cm(pickInt(87, 'n', c.commitments))} end,
               ${anyUser(88, 'n')},
               case when x.status <> 'draft' then ${ago(89, 'n', 1, 700)} end,
               ${ago(89, 'n', 1, 700)}, ${ago(89, 'n', 1, 700)}
        from generate_series(1, ${c.outputs}) n,
        lateral (select ${pick(90, 'n', ['guide', 'template', 'code', 'data_set', 'research', 'case_study', 'slides', 'recording', 'other'])} as kind,
                        case when ${r(91, 'n')} < 0.85 then 'published' when ${r(91, 'n')} < 0.95 then 'draft' else 'archived' end as status) x;

        insert into public.output_contributors (output_id, user_id, role, created_at)
        select o.id, o.created_by, 'author', o.created_at from public.outputs o where o.slug like 'large-output-%';

        insert into public.output_contributors (output_id, user_id, role, created_at)
        select ${out(pickInt(92, 'n', c.outputs))}, ${anyUser(93, 'n')}, ${pick(94, 'n', ['research', 'writing', 'code', 'review'])}, ${ago(95, 'n', 1, 600)}
        from generate_series(1, ${Math.round(c.outputs / 2)}) n
        on conflict do nothing;

        insert into public.output_reuses (id, output_id, organisation_id, user_id, phase, note, created_at, updated_at)
        select ${id('reuse', 'n')}, ${out(pickInt(96, 'n', c.outputs))}, ${org(pickInt(97, 'n', c.organisations))}, ${anyUser(98, 'n')},
               ${pick(99, 'n', ['discovery', 'alpha', 'beta', 'live'])}::public.delivery_phase,
               case when ${r(100, 'n')} < 0.5 then 'We used this for our own service.' end,
               ${ago(101, 'n', 1, 500)}, ${ago(101, 'n', 1, 500)}
        from generate_series(1, ${c.outputReuses}) n
        on conflict do nothing`
    },
    {
      name: 'patterns, examples and adoptions',
      sql: `
        insert into public.patterns (id, slug, title, summary, problem, when_to_use, when_not_to_use, how_it_works,
                                     research_evidence, maturity, last_reviewed_on, status, workstream_id, created_by,
                                     published_at, created_at, updated_at)
        select ${pat('n')}, 'large-pattern-' || n,
               'Help people with ' || ${pick(110, 'n', topics)} || ' (' || n || ')',
               'A reusable way to handle ' || ${pick(110, 'n', topics)} || '.',
               'People struggle with ' || ${pick(110, 'n', topics)} || ' and phone us instead.',
               'Use this when most people can do it online.',
               'Do not use this when the decision needs a conversation.',
               'Ask one thing per page, check answers, confirm by email.',
               'Tested with 40 residents across 6 councils.',
               ${pick(111, 'n', ['experimental', 'beta', 'recommended', 'retired'])}::public.pattern_maturity,
               current_date - (${r(112, 'n')} * 400)::int,
               case when ${r(113, 'n')} < 0.9 then 'published' else 'draft' end::public.content_status,
               case when ${r(114, 'n')} < 0.6 then ${ws(pickInt(115, 'n', c.workstreams))} end,
               ${anyUser(116, 'n')},
               case when ${r(113, 'n')} < 0.9 then ${ago(117, 'n', 1, 600)} end,
               ${ago(117, 'n', 1, 600)}, ${ago(117, 'n', 1, 600)}
        from generate_series(1, ${c.patterns}) n;

        insert into public.pattern_examples (pattern_id, output_id, note, created_at)
        select ${pat(pickInt(118, 'n', c.patterns))}, ${out(pickInt(119, 'n', c.outputs))}, null, ${ago(120, 'n', 1, 500)}
        from generate_series(1, ${c.patterns * 2}) n
        on conflict do nothing;

        insert into public.pattern_adoptions (id, pattern_id, organisation_id, user_id, phase, note, created_at, updated_at)
        select ${id('adoption', 'n')}, ${pat(pickInt(121, 'n', c.patterns))}, ${org(pickInt(122, 'n', c.organisations))}, ${anyUser(123, 'n')},
               ${pick(124, 'n', ['discovery', 'alpha', 'beta', 'live'])}::public.delivery_phase, null,
               ${ago(125, 'n', 1, 500)}, ${ago(125, 'n', 1, 500)}
        from generate_series(1, ${c.patterns * 2}) n
        on conflict do nothing`
    },
    {
      name: 'events, organisers, sessions, pitches and registrations',
      sql: `
        insert into public.events (id, slug, kind, title, summary, description, starts_at, ends_at, venue, is_online,
                                   capacity, status, workstream_id, created_by, published_at, created_at, updated_at)
        select ${ev('n')}, 'large-event-' || n, x.kind::public.event_kind,
               initcap(replace(x.kind, '_', ' ')) || ': ' || ${pick(130, 'n', topics)} || ' (' || n || ')',
               'A ' || replace(x.kind, '_', ' ') || ' about ' || ${pick(130, 'n', topics)} || '.',
               'Come and share what you are working on.',
               x.starts_at,
               x.starts_at + case when x.kind = 'camp' then interval '1 day 8 hours' else interval '2 hours' end,
               case when x.online then 'Online' else ${pick(131, 'n', places)} || ' Town Hall' end,
               x.online,
               case when ${r(132, 'n')} < 0.1 then null else 20 + (${r(133, 'n')} * 40)::int end,
               case when ${r(134, 'n')} < 0.9 then 'published' when ${r(134, 'n')} < 0.95 then 'draft' else 'cancelled' end::public.event_status,
               case when ${r(135, 'n')} < 0.5 then ${ws(pickInt(136, 'n', c.workstreams))} end,
               ${anyUser(137, 'n')},
               case when ${r(134, 'n')} < 0.9 then x.starts_at - interval '60 days' end,
               x.starts_at - interval '60 days', x.starts_at - interval '60 days'
        from generate_series(1, ${c.events}) n,
        lateral (select case when k < 0.05 then 'camp' when k < 0.35 then 'show_and_tell' when k < 0.75 then 'meetup' else 'workshop' end as kind,
                        date_trunc('hour', now() + make_interval(days => (${r(138, 'n')} * 910 - 730)::int)) + interval '10 hours' as starts_at,
                        ${r(139, 'n')} < 0.4 as online
                 from (select ${r(140, 'n')} as k) q) x;

        insert into public.event_organisers (event_id, user_id, created_at)
        select e.id, e.created_by, e.created_at from public.events e where e.slug like 'large-event-%';

        -- Camps: 3 rooms x 4 blocks over two days; show-and-tells: 4 slots.
        insert into public.event_sessions (id, event_id, title, description, room, starts_at, ends_at, notes, created_at, updated_at)
        select ${id('session', "e.slug || ':' || s")}, e.id,
               initcap(${pick(141, "e.slug || ':' || s", things)}) || ' for ' || ${pick(142, "e.slug || ':' || s", topics)},
               'What we tried and what we learned.',
               case when e.kind = 'camp' then 'Room ' || chr(65 + (s - 1) % 3) end,
               case when e.kind = 'camp' then e.starts_at + ((s - 1) / 3 % 2) * interval '1 day' + ((s - 1) / 6) * interval '2 hours'
                    else e.starts_at + (s - 1) * interval '20 minutes' end,
               case when e.kind = 'camp' then e.starts_at + ((s - 1) / 3 % 2) * interval '1 day' + ((s - 1) / 6) * interval '2 hours' + interval '1 hour'
                    else e.starts_at + s * interval '20 minutes' end,
               case when e.starts_at < now() then 'Notes: agreed to share the templates.' end,
               e.created_at, e.created_at
        from public.events e
        cross join lateral generate_series(1, case e.kind when 'camp' then 12 when 'show_and_tell' then 4 else 0 end) s
        where e.slug like 'large-event-%';

        insert into public.session_presenters (session_id, user_id, created_at)
        select s.id, ${anyUser(143, 's.id::text')}, s.created_at
        from public.event_sessions s join public.events e on e.id = s.event_id
        where e.slug like 'large-event-%';

        insert into public.pitches (id, event_id, pitched_by, title, description, created_at, updated_at)
        select ${id('pitch', "e.slug || ':' || p")}, e.id, ${anyUser(144, "e.slug || ':' || p")},
               'Let us talk about ' || ${pick(145, "e.slug || ':' || p", topics)}, 'A session pitch.', e.created_at, e.created_at
        from public.events e cross join generate_series(1, 10) p
        where e.slug like 'large-event-%' and e.kind = 'camp';

        insert into public.pitch_interests (pitch_id, user_id, created_at)
        select p.id, ${anyUser(146, "p.id::text || ':' || i")}, p.created_at
        from public.pitches p join public.events e on e.id = p.event_id
        cross join generate_series(1, 3) i
        where e.slug like 'large-event-%'
        on conflict do nothing;

        -- Registration j of event n: person (j + offset) is distinct for j < members. The first
        -- "capacity" are going (a few cancelled), the rest waitlisted in registration order.
        insert into public.registrations (id, event_id, user_id, status, position, registered_at, cancelled_at, updated_at)
        select ${id('registration', "n || ':' || j")}, e.id,
               ${user(`((j + n * 7919) % ${c.members}) + 1`)},
               x.status::public.registration_status,
               case when x.status = 'waitlisted' then j - e.capacity + 1 end,
               e.starts_at - make_interval(hours => 40 * 24 - j * 12),
               case when x.status = 'cancelled' then e.starts_at - interval '2 days' end,
               e.starts_at - make_interval(hours => 40 * 24 - j * 12)
        from generate_series(1, ${c.events}) n
        join public.events e on e.id = ${ev('n')}
        cross join generate_series(0, 39) j,
        lateral (select case when e.capacity is not null and j >= e.capacity then 'waitlisted'
                             when ${r(147, "n || ':' || j")} < 0.05 then 'cancelled' else 'going' end as status) x`
    },
    {
      name: 'outcome tags',
      sql: `
        insert into public.commitment_outcomes (commitment_id, outcome_id)
        select ${cm('n')}, ${outcome(pickInt(150, 'n', c.outcomes))} from generate_series(1, ${c.commitments}) n;
        insert into public.output_outcomes (output_id, outcome_id)
        select ${out('n')}, ${outcome(pickInt(151, 'n', c.outcomes))} from generate_series(1, ${c.outputs}) n;
        insert into public.pattern_outcomes (pattern_id, outcome_id)
        select ${pat('n')}, ${outcome(pickInt(152, 'n', c.outcomes))} from generate_series(1, ${c.patterns}) n;
        insert into public.workstream_outcomes (workstream_id, outcome_id)
        select ${ws('n')}, ${outcome(pickInt(153, "n || ':' || i", c.outcomes))} from generate_series(1, ${c.workstreams}) n, generate_series(1, 2) i
        on conflict do nothing;
        insert into public.event_outcomes (event_id, outcome_id)
        select ${ev('n')}, ${outcome(pickInt(154, 'n', c.outcomes))} from generate_series(1, ${c.events}) n`
    },
    {
      name: 'activity (derived from what was loaded)',
      sql: `
        insert into public.activity (actor_id, verb, subject_table, subject_id, summary, workstream_id, audience, created_at)
        select c.owner_id, 'committed', 'commitments', c.id, c.title, c.workstream_id,
               case when c.visibility = 'public' and c.archived_at is null then 'public' else 'members' end, c.created_at
        from public.commitments c where c.id in (select ${cm('n')} from generate_series(1, ${c.commitments}) n);

        insert into public.activity (actor_id, verb, subject_table, subject_id, summary, workstream_id, audience, created_at)
        select k.author_id, 'checked_in', 'commitments', c.id, c.title, c.workstream_id,
               case when c.visibility = 'public' and c.archived_at is null then 'public' else 'members' end, k.created_at
        from public.check_ins k join public.commitments c on c.id = k.commitment_id
        where k.id in (select ${id('checkin', 'n')} from generate_series(1, ${c.checkIns}) n);

        insert into public.activity (actor_id, verb, subject_table, subject_id, summary, workstream_id, audience, created_at)
        select o.created_by, case when o.status = 'draft' then 'drafted' else 'published' end, 'outputs', o.id, o.title,
               o.workstream_id, case when o.status = 'published' then 'public' else 'private' end, o.created_at
        from public.outputs o where o.slug like 'large-output-%'`
    }
  ];
}

/** Tables whose counts the generator prints, with how to count only its own rows. */
export const countedTables: [string, string][] = [
  [
    'auth.users',
    `select count(*)::int as n from auth.users where email like '%@${LARGE_EMAIL_DOMAIN}'`
  ],
  [
    'profiles',
    `select count(*)::int as n from public.profiles p join auth.users u on u.id = p.id where u.email like '%@${LARGE_EMAIL_DOMAIN}'`
  ],
  [
    'organisations',
    `select count(*)::int as n from public.organisations where slug like 'large-org-%'`
  ],
  ['outcomes', `select count(*)::int as n from public.outcomes where slug like 'large-outcome-%'`],
  ['workstreams', `select count(*)::int as n from public.workstreams where slug like 'large-ws-%'`],
  [
    'workstream_members',
    `select count(*)::int as n from public.workstream_members m join public.workstreams w on w.id = m.workstream_id where w.slug like 'large-ws-%'`
  ],
  [
    'commitments',
    `select count(*)::int as n from public.commitments c join auth.users u on u.id = c.owner_id where u.email like '%@${LARGE_EMAIL_DOMAIN}'`
  ],
  [
    'check_ins',
    `select count(*)::int as n from public.check_ins k join auth.users u on u.id = k.author_id where u.email like '%@${LARGE_EMAIL_DOMAIN}'`
  ],
  [
    'commitment_watchers',
    `select count(*)::int as n from public.commitment_watchers k join auth.users u on u.id = k.user_id where u.email like '%@${LARGE_EMAIL_DOMAIN}'`
  ],
  ['outputs', `select count(*)::int as n from public.outputs where slug like 'large-output-%'`],
  [
    'output_contributors',
    `select count(*)::int as n from public.output_contributors c join public.outputs o on o.id = c.output_id where o.slug like 'large-output-%'`
  ],
  [
    'output_reuses',
    `select count(*)::int as n from public.output_reuses c join public.outputs o on o.id = c.output_id where o.slug like 'large-output-%'`
  ],
  ['patterns', `select count(*)::int as n from public.patterns where slug like 'large-pattern-%'`],
  [
    'pattern_examples',
    `select count(*)::int as n from public.pattern_examples x join public.patterns p on p.id = x.pattern_id where p.slug like 'large-pattern-%'`
  ],
  [
    'pattern_adoptions',
    `select count(*)::int as n from public.pattern_adoptions x join public.patterns p on p.id = x.pattern_id where p.slug like 'large-pattern-%'`
  ],
  ['events', `select count(*)::int as n from public.events where slug like 'large-event-%'`],
  [
    'event_sessions',
    `select count(*)::int as n from public.event_sessions s join public.events e on e.id = s.event_id where e.slug like 'large-event-%'`
  ],
  [
    'pitches',
    `select count(*)::int as n from public.pitches s join public.events e on e.id = s.event_id where e.slug like 'large-event-%'`
  ],
  [
    'pitch_interests',
    `select count(*)::int as n from public.pitch_interests i join public.pitches s on s.id = i.pitch_id join public.events e on e.id = s.event_id where e.slug like 'large-event-%'`
  ],
  [
    'registrations',
    `select count(*)::int as n from public.registrations s join public.events e on e.id = s.event_id where e.slug like 'large-event-%'`
  ],
  [
    'activity',
    `select count(*)::int as n from public.activity a join auth.users u on u.id = a.actor_id where u.email like '%@${LARGE_EMAIL_DOMAIN}'`
  ]
];

export async function countLarge(sql: Sql): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, q] of countedTables)
    counts[name] = (await sql.query<{ n: number }>(q)).rows[0]!.n;
  return counts;
}

/** Loads the large network into an already migrated database. Refuses to load twice. */
export async function seedLarge(sql: Sql, opts: SeedLargeOptions): Promise<Record<string, number>> {
  const log = opts.log ?? (() => {});
  if (!Number.isFinite(opts.seed)) throw new Error('The seed must be a number, e.g. --seed 42.');
  if (!(opts.scale > 0 && opts.scale <= 10))
    throw new Error('The scale must be more than 0 and at most 10, e.g. --scale 0.01.');
  const ready = await sql.query<{ ok: boolean }>(
    `select to_regclass('public.registrations') is not null as ok`
  );
  if (!ready.rows[0]!.ok) {
    throw new Error(
      'The database has no Network Hub tables yet. Start the stack once (npm run stack) so the migrations run, then try again.'
    );
  }
  const existing = await sql.query<{ n: number }>(
    `select count(*)::int as n from auth.users where email like '%@${LARGE_EMAIL_DOMAIN}'`
  );
  if (existing.rows[0]!.n > 0) {
    throw new Error(
      'The large seed is already loaded in this database. Reset it first (npm run db:reset, or a fresh DATABASE_URL) to load it again.'
    );
  }
  for (const step of steps(opts.seed, opts.scale)) {
    const started = performance.now();
    // Per transaction: bypass triggers (activity logging, version stamps) for this load
    // only. `set local` ends with the transaction, so a shared session is not left changed.
    await sql.transaction(async (tx) => {
      await tx.exec('set local session_replication_role = replica');
      await tx.exec(step.sql);
    });
    log(`  ${step.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await sql.exec('analyze');
  return countLarge(sql);
}

function parseArgs(argv: string[]): { seed: number; scale: number } {
  const out = { seed: 42, scale: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=');
    const value = inline ?? argv[++i];
    if (flag === '--seed') out.seed = Number(value);
    else if (flag === '--scale') out.scale = Number(value);
    else throw new Error(`Unknown option ${flag}. Use --seed <number> and --scale <number>.`);
  }
  return out;
}

async function main() {
  const { seed, scale } = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:54322/postgres';
  console.log(
    `Loading the large network (seed ${seed}, scale ${scale}) into ${url.replace(/:[^:@/]*@/, ':***@')}`
  );
  const sql = connectPg(url, 1);
  const started = performance.now();
  try {
    const counts = await seedLarge(sql, { seed, scale, log: (l) => console.log(l) });
    console.log(
      `Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s. Rows, read back from the database:`
    );
    for (const [table, n] of Object.entries(counts))
      console.log(`  ${table.padEnd(22)} ${n.toLocaleString('en-GB').padStart(10)}`);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'ECONNREFUSED') {
      console.error(
        `Could not connect to ${url}. Start the stack (npm run stack) or set DATABASE_URL.`
      );
    } else {
      console.error(err.message);
    }
    process.exitCode = 1;
  } finally {
    await sql.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
