-- Rules once: staleness (overdue, dormant and the 30-day threshold) is one SQL function,
-- private.staleness, used by every view and report that shows or counts it; and the
-- objects earlier migrations defined and then redefined have their one live definition
-- here (each carries a database comment naming this file).
--
-- Live definitions in this file (earlier text in older migrations is superseded):
--   public.commitment_overview      (was 20261127000500, then 20261127001400)
--   public.workstream_summary       (was 20261127000500, then 20261127001400)
--   public.commitments_with_outcome (20261127001400; recreated with the view it returns)
--   private.log_activity            (was 20261127000100, then 20261127000500)
--   public.steering_workstream_stats, public.steering_overdue,
--   public.steering_digest_items    (20261127001200; now counting with private.staleness)

-- ---------------------------------------------------------------------------------------
-- Staleness. An open commitment (planned, in progress, blocked) whose next check-in date
-- has passed is overdue; more than private.dormant_after_days() days past it, dormant.
-- Done and dropped commitments are never stale ('on_track'). "Today" is passed in (the
-- London day, private.london_today(), worked out once per query by the caller), so these
-- are immutable expressions of their arguments. They deliberately have no `set
-- search_path`: a function with settings is never inlined, and called per row (as in the
-- views and counts over 100,000 commitments) it cost hundreds of milliseconds; inlined it
-- costs what the case expression it replaces did. They name nothing but their arguments,
-- schema-qualified functions and built-in operators, so the caller's search_path cannot
-- change what they mean (not security definer: nothing to escalate).
create or replace function private.dormant_after_days()
returns integer
language sql
immutable
parallel safe
as $$
  select 30
$$;

-- Days since the next check-in date of an open commitment; 0 when it is not past, and
-- for done and dropped commitments.
create or replace function private.days_overdue(
  p_status public.commitment_status,
  p_next_check_in_on date,
  p_today date
)
returns integer
language sql
immutable
parallel safe
as $$
  select case when p_status in ('done', 'dropped') then 0
              else greatest(p_today - p_next_check_in_on, 0) end
$$;

-- 'on_track' (0 days past), 'overdue' (1 to dormant_after_days days past), 'dormant'
-- (more). Written with width_bucket so that each argument is used once: Postgres inlines
-- a function whose argument is a sub-select (the views' "today") only then.
create or replace function private.staleness(
  p_status public.commitment_status,
  p_next_check_in_on date,
  p_today date
)
returns text
language sql
immutable
parallel safe
as $$
  select (array['on_track', 'overdue', 'dormant'])[
    1 + width_bucket(private.days_overdue(p_status, p_next_check_in_on, p_today),
                     array[1, private.dormant_after_days() + 1])]
$$;

-- Views and policies run them as the reader: every role that reads needs execute (an
-- inlined function is checked like a called one).
revoke all on function
  private.dormant_after_days(),
  private.staleness(public.commitment_status, date, date),
  private.days_overdue(public.commitment_status, date, date)
  from public;
grant execute on function
  private.dormant_after_days(),
  private.staleness(public.commitment_status, date, date),
  private.days_overdue(public.commitment_status, date, date)
  to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- commitment_overview: commitments with what the lists and pages show. Same columns and
-- meaning as before; staleness and days_overdue from the functions above. Last check-in
-- and check-in count are scalar subqueries (worked out only for the rows a page keeps),
-- "today" a sub-select (once per query). commitments_with_outcome returns its rows, so it
-- is dropped and recreated with it.
drop function public.commitments_with_outcome(text);
drop view public.commitment_overview;
create view public.commitment_overview with (security_invoker = true) as
select
  c.id,
  c.title,
  c.so_that,
  c.description,
  c.status,
  c.visibility,
  c.due_on,
  c.next_check_in_on,
  c.completed_at,
  c.closing_note,
  c.archived_at,
  c.created_at,
  c.updated_at,
  c.version,
  c.owner_id,
  p.handle as owner_handle,
  p.display_name as owner_display_name,
  org.id as organisation_id,
  org.slug as organisation_slug,
  org.name as organisation_name,
  c.workstream_id,
  w.slug as workstream_slug,
  w.title as workstream_title,
  (select max(x.created_at) from public.check_ins x
    where x.commitment_id = c.id) as last_check_in_at,
  (select count(*)::integer from public.check_ins x
    where x.commitment_id = c.id) as check_in_count,
  private.staleness(c.status, c.next_check_in_on, (select private.london_today())) as staleness,
  private.days_overdue(c.status, c.next_check_in_on, (select private.london_today())) as days_overdue
from public.commitments c
left join public.profiles p on p.id = c.owner_id
left join public.organisations org on org.id = p.organisation_id
left join public.workstreams w on w.id = c.workstream_id;

comment on view public.commitment_overview is
  'Live definition: supabase/migrations/20261201000210_rules_once.sql';

-- Commitments tagged with an outcome, for /commitments?outcome=<slug>, to filter, sort,
-- page and count like the view: a semi-join Postgres can start from the outcome. Plain SQL
-- with the caller's rights and no settings, so Postgres inlines it and RLS applies as on
-- the view.
create or replace function public.commitments_with_outcome(p_outcome text)
returns setof public.commitment_overview
language sql
stable
security invoker
as $$
  select v.*
  from public.commitment_overview v
  where exists (
    select 1
    from public.commitment_outcomes co
    join public.outcomes o on o.id = co.outcome_id
    where co.commitment_id = v.id and o.slug = p_outcome
  )
$$;

comment on function public.commitments_with_outcome(text) is
  'Live definition: supabase/migrations/20261201000210_rules_once.sql';

-- workstream_summary: workstreams with counts for their pages and the steering view;
-- overdue_commitments counts the stale ones (overdue or dormant).
drop view public.workstream_summary;
create view public.workstream_summary with (security_invoker = true) as
select
  w.id,
  w.slug,
  w.title,
  w.purpose,
  w.status,
  w.created_at,
  w.updated_at,
  (select count(*) from public.workstream_members m where m.workstream_id = w.id)::integer as member_count,
  (select count(*) from public.workstream_members m where m.workstream_id = w.id and m.role = 'lead')::integer as lead_count,
  (select count(*) from public.commitments c
    where c.workstream_id = w.id and c.archived_at is null
      and c.status in ('planned', 'in_progress', 'blocked'))::integer as open_commitments,
  (select count(*) from public.commitments c
    where c.workstream_id = w.id and c.archived_at is null
      and private.staleness(c.status, c.next_check_in_on, (select private.london_today())) <> 'on_track'
    )::integer as overdue_commitments,
  (select count(*) from public.commitments c
    where c.workstream_id = w.id and c.archived_at is null and c.status = 'done')::integer as done_commitments,
  (select count(*) from public.outputs o
    where o.workstream_id = w.id and o.status = 'published')::integer as published_outputs
from public.workstreams w;

comment on view public.workstream_summary is
  'Live definition: supabase/migrations/20261201000210_rules_once.sql';

revoke all on public.commitment_overview, public.workstream_summary from public, anon, authenticated;
grant select on public.commitment_overview, public.workstream_summary to anon, authenticated, service_role;
revoke all on function public.commitments_with_outcome(text) from public;
grant execute on function public.commitments_with_outcome(text) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- The activity record's one writer (see 20261127000500 for the table and its triggers).
-- Security definer: members cannot insert into activity themselves.
drop function private.log_activity(text, text, uuid, text, uuid, uuid, text, timestamptz);
create or replace function private.log_activity(
  p_verb text,
  p_subject_table text,
  p_subject_id uuid,
  p_summary text,
  p_workstream_id uuid default null,
  p_actor_id uuid default null,
  p_audience text default 'private',
  p_at timestamptz default null
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.activity (actor_id, verb, subject_table, subject_id, summary, workstream_id, audience, created_at)
  values (
    coalesce(p_actor_id, (select auth.uid())),
    p_verb, p_subject_table, p_subject_id, left(p_summary, 500), p_workstream_id,
    coalesce(p_audience, 'private'),
    -- Backdated rows (the demo seed) keep their own time; never in the future.
    least(coalesce(p_at, now()), now())
  );
end;
$$;

comment on function private.log_activity(text, text, uuid, text, uuid, uuid, text, timestamptz) is
  'Live definition: supabase/migrations/20261201000210_rules_once.sql';
revoke all on function private.log_activity(text, text, uuid, text, uuid, uuid, text, timestamptz)
  from public, anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- The steering functions that count or label staleness, now through private.staleness
-- (otherwise as in 20261127001200, which explains them).

-- Refuses anyone signed in (or a visitor) who is not in the steering group, with 42501
-- (HTTP 403); server-side jobs using the service role pass. p_what names what they asked
-- for ("the weekly digest"). Security invoker: current_user is the caller's role.
create or replace function private.require_steering(p_what text)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') and not (select private.is_steering()) then
    raise exception using errcode = '42501',
      message = format('Only the steering group can see %s.', p_what);
  end if;
end;
$$;
revoke all on function private.require_steering(text) from public;
grant execute on function private.require_steering(text) to authenticated, service_role;

-- Per workstream: counts by status, overdue, dormant, done in the last 90 days.
create or replace function public.steering_workstream_stats()
returns table (
  workstream_id uuid,
  slug text,
  title text,
  workstream_status public.workstream_status,
  planned integer,
  in_progress integer,
  blocked integer,
  done integer,
  dropped integer,
  open integer,
  overdue integer,
  dormant integer,
  done_last_90_days integer,
  total integer
)
language plpgsql
stable
set search_path = ''
as $$
declare
  today date := public.steering_today();
begin
  perform private.require_steering('the steering view');

  return query
  with counts as (
    select
      c.workstream_id as ws_id,
      count(*) filter (where c.status = 'planned')::integer as planned,
      count(*) filter (where c.status = 'in_progress')::integer as in_progress,
      count(*) filter (where c.status = 'blocked')::integer as blocked,
      count(*) filter (where c.status = 'done')::integer as done,
      count(*) filter (where c.status = 'dropped')::integer as dropped,
      count(*) filter (where c.status in ('planned', 'in_progress', 'blocked'))::integer as open,
      count(*) filter (where private.staleness(c.status, c.next_check_in_on, today) = 'overdue')::integer as overdue,
      count(*) filter (where private.staleness(c.status, c.next_check_in_on, today) = 'dormant')::integer as dormant,
      count(*) filter (where c.status = 'done'
                         and c.completed_at >= ((today - 90)::timestamp at time zone 'Europe/London')
                      )::integer as done_last_90_days,
      count(*)::integer as total
    from public.commitments c
    where c.archived_at is null
    group by c.workstream_id
  )
  select w.id, w.slug, w.title, w.status,
         coalesce(k.planned, 0), coalesce(k.in_progress, 0), coalesce(k.blocked, 0),
         coalesce(k.done, 0), coalesce(k.dropped, 0), coalesce(k.open, 0),
         coalesce(k.overdue, 0), coalesce(k.dormant, 0), coalesce(k.done_last_90_days, 0),
         coalesce(k.total, 0)
  from public.workstreams w
  left join counts k on k.ws_id = w.id
  union all
  select null::uuid, null::text, null::text, null::public.workstream_status,
         k.planned, k.in_progress, k.blocked, k.done, k.dropped, k.open, k.overdue, k.dormant,
         k.done_last_90_days, k.total
  from counts k
  where k.ws_id is null;
end;
$$;

-- The longest-overdue open commitments (dormant ones included), with total_count.
create or replace function public.steering_overdue(p_limit integer default 25, p_offset integer default 0)
returns table (
  id uuid,
  title text,
  status public.commitment_status,
  owner_handle text,
  owner_display_name text,
  organisation_name text,
  workstream_slug text,
  workstream_title text,
  next_check_in_on date,
  days_overdue integer,
  staleness text,
  last_check_in_at timestamptz,
  total_count integer
)
language plpgsql
stable
set search_path = ''
as $$
declare
  today date := public.steering_today();
  total integer;
begin
  perform private.require_steering('the steering view');

  select count(*)::integer into total
  from public.commitments c
  where c.status in ('planned', 'in_progress', 'blocked') and c.archived_at is null
    and c.next_check_in_on < today;

  return query
  with page as (
    select c.id, c.title, c.status, c.owner_id, c.workstream_id, c.next_check_in_on, c.created_at
    from public.commitments c
    where c.status in ('planned', 'in_progress', 'blocked') and c.archived_at is null
      and c.next_check_in_on < today
    order by c.next_check_in_on, c.created_at, c.id
    limit least(greatest(coalesce(p_limit, 25), 1), 10000)
    offset greatest(coalesce(p_offset, 0), 0)
  )
  select p.id, p.title, p.status, pr.handle, pr.display_name, o.name, w.slug, w.title,
         p.next_check_in_on, private.days_overdue(p.status, p.next_check_in_on, today),
         private.staleness(p.status, p.next_check_in_on, today),
         ci.last_at, total
  from page p
  left join public.profiles pr on pr.id = p.owner_id
  left join public.organisations o on o.id = pr.organisation_id
  left join public.workstreams w on w.id = p.workstream_id
  left join lateral (
    select x.created_at as last_at from public.check_ins x
    where x.commitment_id = p.id order by x.created_at desc limit 1
  ) ci on true
  order by p.next_check_in_on, p.created_at, p.id;
end;
$$;

-- The weekly digest's raw items since a London date (see 20261127001200).
create or replace function public.steering_digest_items(p_since date default null)
returns table (
  kind text,
  commitment_id uuid,
  commitment_title text,
  commitment_status public.commitment_status,
  workstream_id uuid,
  workstream_slug text,
  workstream_title text,
  owner_handle text,
  owner_display_name text,
  occurred_at timestamptz,
  note text,
  check_in_count integer
)
language plpgsql
stable
set search_path = ''
as $$
declare
  today date := public.steering_today();
  since_day date := least(coalesce(p_since, today - 7), today);
  since timestamptz := (since_day::timestamp at time zone 'Europe/London');
begin
  perform private.require_steering('the weekly digest');

  return query
  with events as (
    select 'new'::text as kind, c.id as cid, c.created_at as at, null::text as note,
           null::integer as n
    from public.commitments c
    where c.created_at >= since and c.archived_at is null
    union all
    select 'done', c.id, c.completed_at, left(c.closing_note, 300), null
    from public.commitments c
    where c.status = 'done' and c.completed_at >= since and c.archived_at is null
    union all
    -- Several check-ins on one commitment: one row, with the latest note and how many.
    select 'check_in', x.commitment_id, max(x.created_at),
           (array_agg(left(x.note, 300) order by x.created_at desc))[1], count(*)::integer
    from public.check_ins x
    where x.created_at >= since
    group by x.commitment_id
    -- Became overdue on the day after the check-in date, dormant the day after the
    -- dormant threshold had passed too (private.staleness says which it is today).
    union all
    select 'overdue', c.id, ((c.next_check_in_on + 1)::timestamp at time zone 'Europe/London'), null, null
    from public.commitments c
    where c.archived_at is null
      and private.staleness(c.status, c.next_check_in_on, today) <> 'on_track'
      and c.next_check_in_on >= since_day - 1
    union all
    select 'dormant', c.id,
           ((c.next_check_in_on + 1 + private.dormant_after_days())::timestamp at time zone 'Europe/London'),
           null, null
    from public.commitments c
    where c.archived_at is null
      and private.staleness(c.status, c.next_check_in_on, today) = 'dormant'
      and c.next_check_in_on >= since_day - 1 - private.dormant_after_days()
  )
  -- A lookup by primary key per event ("offset 0" keeps the planner from flattening it
  -- into a join): the plan stays linear even when the tables have no planner statistics
  -- (PGlite has no autovacuum to gather them, and a join planned on guesses took minutes).
  select e.kind, c.id, c.title, c.status, w.id, w.slug, w.title, pr.handle, pr.display_name,
         e.at, e.note, e.n
  from events e
  cross join lateral (
    select c.id, c.title, c.status, c.workstream_id, c.owner_id
    from public.commitments c where c.id = e.cid and c.archived_at is null
    offset 0
  ) c
  left join public.workstreams w on w.id = c.workstream_id
  left join public.profiles pr on pr.id = c.owner_id
  order by w.title nulls last, c.id, e.at;
end;
$$;

comment on function public.steering_workstream_stats() is
  'Live definition: supabase/migrations/20261201000210_rules_once.sql';
comment on function public.steering_overdue(integer, integer) is
  'Live definition: supabase/migrations/20261201000210_rules_once.sql';
comment on function public.steering_digest_items(date) is
  'Live definition: supabase/migrations/20261201000210_rules_once.sql';
