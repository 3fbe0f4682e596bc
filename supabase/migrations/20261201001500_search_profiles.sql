-- Found (issue 11): one search across everything, member pages and organisation pages.
--
-- - pg_trgm, in schema `extensions` (where hosted Supabase puts trusted extensions; the
--   embedded stack's platform slice creates it too), so a search with a typo still finds
--   things: when full-text search finds nothing, titles and names similar to the words
--   are shown instead (word_similarity, trigram GIN indexes).
-- - private.search_hits(q): every match a reader may see, security invoker (RLS decides;
--   members see the members-only commitments the commitments policy lets them read).
--   public.search (20261201000100) and public.search_page both read it.
-- - public.search_page: the /search page in one call: counts per kind and one page of
--   one kind (or all), one row with an array of composite hits (as home_for_me does).
-- - public.member_page, public.organisation_list, public.organisation_page: one call each.
--
-- Live definitions in this file:
--   public.search (was 20261201000100)

create extension if not exists pg_trgm with schema extensions;

-- Organisations can be found by name: a generated search column like the other tables'.
alter table public.organisations add column search_vector tsvector generated always as (
  setweight(to_tsvector('simple', coalesce(name, '')), 'A')
) stored;
create index organisations_search_idx on public.organisations using gin (search_vector);

-- Titles and names by trigram, for the typo fallback.
create index outputs_title_trgm_idx on public.outputs using gin (title extensions.gin_trgm_ops);
create index patterns_title_trgm_idx on public.patterns using gin (title extensions.gin_trgm_ops);
create index workstreams_title_trgm_idx on public.workstreams using gin (title extensions.gin_trgm_ops);
create index events_title_trgm_idx on public.events using gin (title extensions.gin_trgm_ops);
create index commitments_title_trgm_idx on public.commitments using gin (title extensions.gin_trgm_ops);
create index profiles_display_name_trgm_idx on public.profiles using gin (display_name extensions.gin_trgm_ops);
create index organisations_name_trgm_idx on public.organisations using gin (name extensions.gin_trgm_ops);

-- One search result. fuzzy: found by a title like the words (a typo), not the words.
create type public.search_hit as (
  kind text,
  id uuid,
  slug text,
  title text,
  summary text,
  rank real,
  url text,
  fuzzy boolean
);

create type public.search_kind_count as (
  kind text,
  hits integer
);

-- Everything the reader may see that matches q. Explicit filters keep search to finished,
-- public-facing things (published outputs, patterns and events; active and closed
-- workstreams; public profiles; unarchived commitments); RLS then decides per reader, so
-- a members-only commitment reaches members and never a visitor.
create or replace function private.search_hits(q text)
returns setof public.search_hit
language sql
stable
set search_path = ''
as $$
  with query as materialized (
    select websearch_to_tsquery('english', private.search_text(q)) as tsq,
           websearch_to_tsquery('simple', private.search_text(q)) as tsq_simple,
           -- The words alone: no quotes or operators, and no -excluded words.
           btrim(regexp_replace(regexp_replace(private.search_text(q), '(^|\s)-\S+', ' ', 'g'),
                                '[^[:alnum:]]+', ' ', 'g')) as words
  ),
  -- What may be found, each kind once: its title, search column and the query to match.
  -- Not materialized, and the query's columns carried along, so the filters below reach
  -- each table and its indexes (full-text GIN for exact, trigram GIN for alike).
  things as not materialized (
    select 'output'::text as kind, o.id, o.slug, o.title, o.summary,
           '/outputs/' || o.slug as url, o.search_vector as vector, query.tsq,
           query.words
    from public.outputs o, query
    where o.status = 'published'
    union all
    select 'pattern', p.id, p.slug, p.title, coalesce(p.summary, left(p.problem, 300)),
           '/patterns/' || p.slug, p.search_vector, query.tsq, query.words
    from public.patterns p, query
    where p.status = 'published'
    union all
    select 'workstream', w.id, w.slug, w.title, w.purpose,
           '/workstreams/' || w.slug, w.search_vector, query.tsq, query.words
    from public.workstreams w, query
    where w.status in ('active', 'closed')
    union all
    select 'event', e.id, e.slug, e.title, e.summary,
           '/events/' || e.slug, e.search_vector, query.tsq, query.words
    from public.events e, query
    where e.status = 'published'
    union all
    select 'commitment', c.id, null, c.title, c.so_that,
           '/commitments/' || c.id, c.search_vector, query.tsq, query.words
    from public.commitments c, query
    where c.archived_at is null
    union all
    -- Names are not English: match them unstemmed too.
    select 'member', m.id, m.handle, m.display_name, m.job_title,
           '/members/' || m.handle, m.search_vector, query.tsq || query.tsq_simple, query.words
    from public.profiles m, query
    where m.is_public
    union all
    select 'organisation', g.id, g.slug, g.name, null,
           '/organisations/' || g.slug, g.search_vector, query.tsq || query.tsq_simple, query.words
    from public.organisations g, query
  ),
  exact as materialized (
    select t.kind, t.id, t.slug, t.title, t.summary, ts_rank(t.vector, t.tsq) as rank, t.url
    from things t
    where t.vector @@ t.tsq
  ),
  -- Only when the words found nothing, and only for 3 characters or more (fewer have too
  -- few trigrams to mean anything): titles containing something like the words.
  -- `words <% title` is word_similarity(words, title) >= 0.6 (pg_trgm's default; 0.5
  -- lets "unclosed" find "closed"), served by the trigram indexes.
  alike as (
    select t.kind, t.id, t.slug, t.title, t.summary,
           extensions.word_similarity(t.words, t.title) as rank, t.url
    from things t
    where t.words operator(extensions.<%) t.title
  )
  select e.kind, e.id, e.slug, e.title, e.summary, e.rank, e.url, false from exact e
  union all
  select s.kind, s.id, s.slug, s.title, s.summary, s.rank, s.url, true
  from alike s, query
  where not exists (select 1 from exact) and char_length(query.words) >= 3
$$;

-- search() as in 20261201000100, now reading private.search_hits: the same columns, plus
-- organisations and the typo fallback, and members-only commitments for members.
create or replace function public.search(
  q text,
  kinds text[] default null,
  lim integer default 20,
  off integer default 0
)
returns table (
  kind text,
  id uuid,
  slug text,
  title text,
  summary text,
  rank real,
  url text,
  total bigint
)
language sql
stable
security invoker
set search_path = ''
as $$
  select h.kind, h.id, h.slug, h.title, h.summary, h.rank, h.url, count(*) over () as total
  from private.search_hits(q) h
  where kinds is null or h.kind = any (kinds)
  order by h.rank desc, h.title, h.id
  limit least(greatest(coalesce(lim, 20), 1), 100)
  offset greatest(coalesce(off, 0), 0)
$$;

-- The search page in one call: how many hits of each kind (for the kind filter), the
-- total, and one page of hits of p_kind (all kinds when null), best first.
create or replace function public.search_page(
  q text,
  p_kind text default null,
  p_limit integer default 20,
  p_offset integer default 0
)
returns table (
  total integer,
  fuzzy boolean,
  counts public.search_kind_count[],
  hits public.search_hit[]
)
language sql
stable
security invoker
set search_path = ''
as $$
  with found as materialized (
    select * from private.search_hits(q)
  ),
  chosen as (
    select * from found f
    where p_kind is null or f.kind = p_kind
    order by f.rank desc, f.title, f.id
    limit least(greatest(coalesce(p_limit, 20), 1), 100)
    offset greatest(coalesce(p_offset, 0), 0)
  )
  select
    (select count(*)::integer from found),
    coalesce((select bool_or(f.fuzzy) from found f), false),
    coalesce((
      select array_agg(row(k.kind, k.hits)::public.search_kind_count order by k.hits desc, k.kind)
      from (select f.kind, count(*)::integer as hits from found f group by f.kind) k
    ), '{}'),
    coalesce((
      select array_agg(row(c.kind, c.id, c.slug, c.title, c.summary, c.rank, c.url, c.fuzzy
                       )::public.search_hit order by c.rank desc, c.title, c.id)
      from chosen c
    ), '{}')
$$;

-- ---------------------------------------------------------------------------------------
-- A member's public page: who they are and what they committed to, made, presented and
-- joined. No row for a profile that is not public (unless it is the reader's own): the
-- page answers 404. Lists show the latest 50; the totals count them all.
-- A commitment as the lists show it (CommitmentList), from public.commitment_overview so
-- staleness is the one rule; used by member and organisation pages.
create type public.listed_commitment as (
  id uuid,
  title text,
  so_that text,
  status public.commitment_status,
  visibility public.visibility,
  staleness text,
  days_overdue integer,
  due_on date,
  next_check_in_on date,
  owner_handle text,
  owner_display_name text,
  organisation_name text,
  workstream_slug text,
  workstream_title text
);

create type public.member_output as (
  slug text,
  title text,
  kind public.output_kind,
  role text,
  published_at timestamptz
);

create type public.member_session as (
  session_title text,
  event_slug text,
  event_title text,
  starts_at timestamptz
);

create type public.member_workstream as (
  slug text,
  title text,
  status public.workstream_status,
  role public.workstream_role
);

create or replace function public.member_page(p_handle text)
returns table (
  id uuid,
  handle text,
  display_name text,
  job_title text,
  region text,
  skills text[],
  bio text,
  is_public boolean,
  organisation_slug text,
  organisation_name text,
  commitment_total integer,
  commitments public.listed_commitment[],
  output_total integer,
  outputs public.member_output[],
  session_total integer,
  sessions public.member_session[],
  workstreams public.member_workstream[]
)
language sql
stable
security invoker
set search_path = ''
as $$
  select
    p.id, p.handle, p.display_name, p.job_title, p.region, p.skills, p.bio, p.is_public,
    g.slug, g.name,
    (select count(*)::integer from public.commitments c
      where c.owner_id = p.id and c.archived_at is null),
    coalesce((
      select array_agg(row(c.id, c.title, c.so_that, c.status, c.visibility, c.staleness,
                           c.days_overdue, c.due_on, c.next_check_in_on, c.owner_handle,
                           c.owner_display_name, c.organisation_name, c.workstream_slug,
                           c.workstream_title)::public.listed_commitment
                       order by c.created_at desc, c.id)
      from (select * from public.commitment_overview c
            where c.owner_id = p.id and c.archived_at is null
            order by c.created_at desc, c.id limit 50) c
    ), '{}'),
    (select count(*)::integer from public.output_contributors oc
      join public.outputs o on o.id = oc.output_id
      where oc.user_id = p.id and o.status = 'published'),
    coalesce((
      select array_agg(row(x.slug, x.title, x.kind, x.role, x.published_at)::public.member_output
                       order by x.published_at desc nulls last, x.slug)
      from (select o.slug, o.title, o.kind, oc.role, o.published_at
            from public.output_contributors oc
            join public.outputs o on o.id = oc.output_id
            where oc.user_id = p.id and o.status = 'published'
            order by o.published_at desc nulls last, o.slug limit 50) x
    ), '{}'),
    (select count(*)::integer from public.session_presenters sp
      join public.event_sessions s on s.id = sp.session_id
      join public.events e on e.id = s.event_id
      where sp.user_id = p.id and e.status = 'published'),
    coalesce((
      select array_agg(row(x.title, x.slug, x.event_title, x.starts_at)::public.member_session
                       order by x.starts_at desc, x.title)
      from (select s.title, e.slug, e.title as event_title,
                   coalesce(s.starts_at, e.starts_at) as starts_at
            from public.session_presenters sp
            join public.event_sessions s on s.id = sp.session_id
            join public.events e on e.id = s.event_id
            where sp.user_id = p.id and e.status = 'published'
            order by coalesce(s.starts_at, e.starts_at) desc, s.title limit 50) x
    ), '{}'),
    coalesce((
      select array_agg(row(w.slug, w.title, w.status, wm.role)::public.member_workstream
                       order by w.title)
      from public.workstream_members wm
      join public.workstreams w on w.id = wm.workstream_id
      where wm.user_id = p.id
    ), '{}')
  from public.profiles p
  left join public.organisations g on g.id = p.organisation_id
  where p.handle = p_handle
    and (p.is_public or p.id = (select auth.uid()))
$$;

-- ---------------------------------------------------------------------------------------
-- Organisations: the list with counts, and one organisation's page. What is counted is
-- what the reader may see: people are public profiles; commitments are those of people
-- whose organisation the reader can see (a visitor sees public profiles only, so a
-- non-public member's commitments are not attributed to their organisation for them).
create type public.organisation_row as (
  slug text,
  name text,
  kind public.org_kind,
  people integer,
  commitments integer,
  outputs integer,
  uses integer
);

create or replace function public.organisation_list(
  p_limit integer default 25,
  p_offset integer default 0
)
returns table (
  total integer,
  organisations public.organisation_row[]
)
language sql
stable
security invoker
set search_path = ''
as $$
  with orgs as materialized (
    select g.id, g.slug, g.name, g.kind from public.organisations g
    order by g.name, g.id
    limit least(greatest(coalesce(p_limit, 25), 1), 1000)
    offset greatest(coalesce(p_offset, 0), 0)
  ),
  people as (
    select p.organisation_id, count(*) filter (where p.is_public)::integer as public_people
    from public.profiles p where p.organisation_id in (select id from orgs)
    group by p.organisation_id
  ),
  promised as (
    select p.organisation_id, count(*)::integer as n
    from public.commitments c join public.profiles p on p.id = c.owner_id
    where p.organisation_id in (select id from orgs) and c.archived_at is null
    group by p.organisation_id
  ),
  made as (
    select p.organisation_id, count(distinct oc.output_id)::integer as n
    from public.output_contributors oc
    join public.profiles p on p.id = oc.user_id
    join public.outputs o on o.id = oc.output_id
    where p.organisation_id in (select id from orgs) and o.status = 'published'
    group by p.organisation_id
  ),
  used as (
    select u.organisation_id, count(*)::integer as n
    from (select r.organisation_id from public.output_reuses r
            join public.outputs o on o.id = r.output_id and o.status = 'published'
          union all
          select a.organisation_id from public.pattern_adoptions a
            join public.patterns t on t.id = a.pattern_id and t.status = 'published') u
    where u.organisation_id in (select id from orgs)
    group by u.organisation_id
  )
  select
    (select count(*)::integer from public.organisations),
    coalesce((
      select array_agg(row(o.slug, o.name, o.kind, coalesce(pe.public_people, 0),
                           coalesce(pr.n, 0), coalesce(m.n, 0), coalesce(u.n, 0)
                       )::public.organisation_row order by o.name, o.id)
      from orgs o
      left join people pe on pe.organisation_id = o.id
      left join promised pr on pr.organisation_id = o.id
      left join made m on m.organisation_id = o.id
      left join used u on u.organisation_id = o.id
    ), '{}')
$$;

create type public.organisation_person as (
  handle text,
  display_name text,
  job_title text
);

create type public.organisation_output as (
  slug text,
  title text,
  kind public.output_kind,
  published_at timestamptz
);

-- A reuse of an output or an adoption of a pattern. kind: 'output' or 'pattern'.
create type public.organisation_use as (
  id uuid,
  kind text,
  slug text,
  title text,
  phase public.delivery_phase,
  note text,
  created_at timestamptz
);

create or replace function public.organisation_page(p_slug text)
returns table (
  id uuid,
  slug text,
  name text,
  kind public.org_kind,
  website text,
  people_total integer,
  people public.organisation_person[],
  commitment_total integer,
  commitments public.listed_commitment[],
  output_total integer,
  outputs public.organisation_output[],
  use_total integer,
  uses public.organisation_use[]
)
language sql
stable
security invoker
set search_path = ''
as $$
  with org as materialized (
    select g.id, g.slug, g.name, g.kind, g.website from public.organisations g
    where g.slug = p_slug
  ),
  theirs as materialized (
    select p.id, p.handle, p.display_name, p.job_title, p.is_public from public.profiles p
    where p.organisation_id = (select id from org)
  ),
  promised as materialized (
    select c.* from public.commitment_overview c
    where c.owner_id in (select t.id from theirs t) and c.archived_at is null
  ),
  made as materialized (
    select distinct o.id, o.slug, o.title, o.kind, o.published_at
    from public.output_contributors oc
    join theirs t on t.id = oc.user_id
    join public.outputs o on o.id = oc.output_id
    where o.status = 'published'
  ),
  used as materialized (
    select r.id, 'output'::text as kind, o.slug, o.title, r.phase, r.note, r.created_at
    from public.output_reuses r join public.outputs o on o.id = r.output_id
    where r.organisation_id = (select id from org) and o.status = 'published'
    union all
    select a.id, 'pattern', t.slug, t.title, a.phase, a.note, a.created_at
    from public.pattern_adoptions a join public.patterns t on t.id = a.pattern_id
    where a.organisation_id = (select id from org) and t.status = 'published'
  )
  select
    g.id, g.slug, g.name, g.kind, g.website,
    (select count(*)::integer from theirs t where t.is_public),
    coalesce((
      select array_agg(row(t.handle, t.display_name, t.job_title)::public.organisation_person
                       order by t.display_name, t.handle)
      from (select * from theirs t where t.is_public order by t.display_name, t.handle limit 50) t
    ), '{}'),
    (select count(*)::integer from promised),
    coalesce((
      select array_agg(row(c.id, c.title, c.so_that, c.status, c.visibility, c.staleness,
                           c.days_overdue, c.due_on, c.next_check_in_on, c.owner_handle,
                           c.owner_display_name, c.organisation_name, c.workstream_slug,
                           c.workstream_title)::public.listed_commitment
                       order by c.created_at desc, c.id)
      from (select * from promised order by created_at desc, id limit 50) c
    ), '{}'),
    (select count(*)::integer from made),
    coalesce((
      select array_agg(row(m.slug, m.title, m.kind, m.published_at)::public.organisation_output
                       order by m.published_at desc nulls last, m.slug)
      from (select * from made order by published_at desc nulls last, slug limit 50) m
    ), '{}'),
    (select count(*)::integer from used),
    coalesce((
      select array_agg(row(u.id, u.kind, u.slug, u.title, u.phase, u.note, u.created_at
                       )::public.organisation_use order by u.created_at desc, u.id)
      from (select * from used order by created_at desc, id limit 50) u
    ), '{}')
  from org g
$$;

revoke all on function private.search_hits(text) from public, anon, authenticated, service_role;
grant execute on function private.search_hits(text) to anon, authenticated, service_role;
revoke all on function
  public.search_page(text, text, integer, integer), public.member_page(text),
  public.organisation_list(integer, integer), public.organisation_page(text)
  from public;
grant execute on function
  public.search_page(text, text, integer, integer), public.member_page(text),
  public.organisation_list(integer, integer), public.organisation_page(text)
  to anon, authenticated, service_role;
