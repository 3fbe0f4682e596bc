-- The steering group's view of the network: per-workstream counts, commitments made and
-- done per month, the longest-overdue commitments, who is taking part, and the weekly
-- digest's raw items. Everything is aggregated here, in Postgres, so /steering reads one
-- already-summed answer instead of pulling 100,000 commitments into the app.
--
-- Rules shared by every function below (and by the honest checks in the tests):
-- - "Today" is the date in Europe/London, the network's time zone.
-- - Archived commitments are left out.
-- - Open = planned, in progress or blocked. An open commitment whose next check-in date
--   has passed is overdue; more than 30 days past it, dormant (as commitment_overview).
--   The two are counted apart: a dormant commitment is not also counted as overdue.
-- - Months are calendar months in Europe/London.
--
-- The functions run with the caller's rights (security invoker), so Row Level Security
-- still decides what is counted; they also refuse anyone signed in who is not in the
-- steering group (42501, which PostgREST answers with 403). Server-side jobs using the
-- service role (the digest sender, later) may call them too.

-- ---------------------------------------------------------------------------------------
-- Indexes the aggregates need on the large seed.
create index if not exists commitments_created_at_idx on public.commitments (created_at);
create index if not exists commitments_done_completed_at_idx on public.commitments (completed_at)
  where status = 'done';
-- The overdue list: open commitments by how long ago their check-in was due.
create index if not exists commitments_open_next_check_in_idx on public.commitments (next_check_in_on)
  where status in ('planned', 'in_progress', 'blocked') and archived_at is null;
create index if not exists check_ins_created_at_idx on public.check_ins (created_at);

-- ---------------------------------------------------------------------------------------
-- Today's date in London: the network's one definition of today (private.london_today),
-- exposed for the steering view.
create or replace function public.steering_today()
returns date
language sql
stable
set search_path = ''
as $$
  select private.london_today()
$$;

-- ---------------------------------------------------------------------------------------
-- Per workstream: counts by status, overdue, dormant, done in the last 90 days.
-- One row per workstream (also those with no commitments yet) and one row with a null
-- workstream for commitments that belong to none (only when there are some).
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
  if current_user in ('anon', 'authenticated') and not (select private.is_steering()) then
    raise exception using errcode = '42501',
      message = 'Only the steering group can see the steering view.';
  end if;

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
      count(*) filter (where c.status in ('planned', 'in_progress', 'blocked')
                         and c.next_check_in_on < today
                         and c.next_check_in_on >= today - 30)::integer as overdue,
      count(*) filter (where c.status in ('planned', 'in_progress', 'blocked')
                         and c.next_check_in_on < today - 30)::integer as dormant,
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

-- ---------------------------------------------------------------------------------------
-- Commitments made (created) and done (completed) per London calendar month, for the
-- last p_months months including this one; months with none are there with zeros.
create or replace function public.steering_monthly_counts(p_months integer default 12)
returns table (month date, made integer, done integer)
language plpgsql
stable
set search_path = ''
as $$
declare
  this_month date := date_trunc('month', public.steering_today())::date;
  months integer := least(greatest(coalesce(p_months, 12), 1), 60);
begin
  if current_user in ('anon', 'authenticated') and not (select private.is_steering()) then
    raise exception using errcode = '42501',
      message = 'Only the steering group can see the steering view.';
  end if;

  return query
  with bounds as (
    select m::date as month,
           (m::timestamp at time zone 'Europe/London') as starts_at,
           ((m + interval '1 month')::timestamp at time zone 'Europe/London') as ends_at
    from generate_series(this_month - make_interval(months => months - 1), this_month,
                         interval '1 month') as m
  )
  select b.month,
         (select count(*) from public.commitments c
           where c.archived_at is null
             and c.created_at >= b.starts_at and c.created_at < b.ends_at)::integer,
         (select count(*) from public.commitments c
           where c.archived_at is null and c.status = 'done'
             and c.completed_at >= b.starts_at and c.completed_at < b.ends_at)::integer
  from bounds b
  order by b.month;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- The longest-overdue open commitments (dormant ones included: they are the longest
-- overdue), with owner, organisation, workstream and last check-in. total_count is the
-- number of overdue commitments in all, for pagination.
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
  if current_user in ('anon', 'authenticated') and not (select private.is_steering()) then
    raise exception using errcode = '42501',
      message = 'Only the steering group can see the steering view.';
  end if;

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
         p.next_check_in_on, (today - p.next_check_in_on)::integer,
         case when p.next_check_in_on < today - 30 then 'dormant' else 'overdue' end,
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

-- ---------------------------------------------------------------------------------------
-- Who is taking part: members who made a commitment or wrote a check-in in the last 90
-- days, counted per organisation (a null organisation for members who gave none).
create or replace function public.steering_participation()
returns table (
  organisation_id uuid,
  organisation_slug text,
  organisation_name text,
  active_members integer
)
language plpgsql
stable
set search_path = ''
as $$
declare
  since timestamptz := ((public.steering_today() - 90)::timestamp at time zone 'Europe/London');
begin
  if current_user in ('anon', 'authenticated') and not (select private.is_steering()) then
    raise exception using errcode = '42501',
      message = 'Only the steering group can see the steering view.';
  end if;

  return query
  with active as (
    select c.owner_id as person_id from public.commitments c
    where c.created_at >= since and c.archived_at is null
    union
    select x.author_id from public.check_ins x
    where x.created_at >= since and x.author_id is not null
  )
  select o.id, o.slug, o.name, count(*)::integer
  from active a
  join public.profiles pr on pr.id = a.person_id
  left join public.organisations o on o.id = pr.organisation_id
  group by o.id, o.slug, o.name
  order by count(*) desc, o.name nulls last;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Everything /steering shows, in one answer (one API round trip). Tables are paged:
-- p_*_limit rows from p_*_offset; totals are for all rows.
create or replace function public.steering_report(
  p_workstream_limit integer default 25,
  p_workstream_offset integer default 0,
  p_overdue_limit integer default 25,
  p_overdue_offset integer default 0,
  p_organisation_limit integer default 25
)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  result jsonb;
begin
  if current_user in ('anon', 'authenticated') and not (select private.is_steering()) then
    raise exception using errcode = '42501',
      message = 'Only the steering group can see the steering view.';
  end if;

  with stats as (
    select * from public.steering_workstream_stats()
  ),
  overdue as (
    select * from public.steering_overdue(p_overdue_limit, p_overdue_offset)
  ),
  people as (
    select * from public.steering_participation()
  )
  select jsonb_build_object(
    'today', public.steering_today(),
    'workstreams', jsonb_build_object(
      'total', (select count(*) from stats),
      'rows', coalesce((
        select jsonb_agg(to_jsonb(s) order by s.title nulls last)
        from (select * from stats order by title nulls last, workstream_id
              limit least(greatest(coalesce(p_workstream_limit, 25), 1), 10000)
              offset greatest(coalesce(p_workstream_offset, 0), 0)) s
      ), '[]'::jsonb)
    ),
    'totals', (
      select jsonb_build_object(
        'planned', coalesce(sum(planned), 0), 'in_progress', coalesce(sum(in_progress), 0),
        'blocked', coalesce(sum(blocked), 0), 'done', coalesce(sum(done), 0),
        'dropped', coalesce(sum(dropped), 0), 'open', coalesce(sum(open), 0),
        'overdue', coalesce(sum(overdue), 0), 'dormant', coalesce(sum(dormant), 0),
        'done_last_90_days', coalesce(sum(done_last_90_days), 0),
        'total', coalesce(sum(total), 0))
      from stats
    ),
    'months', coalesce((
      select jsonb_agg(to_jsonb(m) order by m.month) from public.steering_monthly_counts(12) m
    ), '[]'::jsonb),
    'overdue', jsonb_build_object(
      'total', coalesce((select max(total_count) from overdue),
                        (select count(*) from public.commitments c
                          where c.status in ('planned', 'in_progress', 'blocked')
                            and c.archived_at is null
                            and c.next_check_in_on < public.steering_today())),
      'rows', coalesce((
        select jsonb_agg(to_jsonb(o) - 'total_count' order by o.days_overdue desc, o.id) from overdue o
      ), '[]'::jsonb)
    ),
    'participation', jsonb_build_object(
      'active_members', (select coalesce(sum(active_members), 0) from people),
      'organisations_total', (select count(*) from people where organisation_id is not null),
      'members_without_organisation',
        (select coalesce(sum(active_members), 0) from people where organisation_id is null),
      'organisations', coalesce((
        select jsonb_agg(to_jsonb(p) order by p.active_members desc, p.organisation_name)
        from (select * from people where organisation_id is not null
              order by active_members desc, organisation_name
              limit least(greatest(coalesce(p_organisation_limit, 25), 1), 10000)) p
      ), '[]'::jsonb)
    )
  ) into result;
  return result;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- The weekly digest's raw items since a London date: one row per event, so the same
-- commitment can come back several times (new and done, several check-ins). Choosing
-- where each commitment appears is the app's job (src/lib/server/digest.ts).
-- kind: 'new' | 'check_in' | 'done' | 'overdue' | 'dormant'. For overdue and dormant,
-- occurred_at is the London midnight starting the day it became so.
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
  if current_user in ('anon', 'authenticated') and not (select private.is_steering()) then
    raise exception using errcode = '42501',
      message = 'Only the steering group can see the weekly digest.';
  end if;

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
    -- Became overdue on the day after the check-in date, dormant 31 days after it.
    union all
    select 'overdue', c.id, ((c.next_check_in_on + 1)::timestamp at time zone 'Europe/London'), null, null
    from public.commitments c
    where c.status in ('planned', 'in_progress', 'blocked') and c.archived_at is null
      and c.next_check_in_on >= since_day - 1 and c.next_check_in_on < today
    union all
    select 'dormant', c.id, ((c.next_check_in_on + 31)::timestamp at time zone 'Europe/London'), null, null
    from public.commitments c
    where c.status in ('planned', 'in_progress', 'blocked') and c.archived_at is null
      and c.next_check_in_on >= since_day - 31 and c.next_check_in_on < today - 30
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

-- The digest as one JSON answer (PostgREST caps set-returning answers at 1,000 rows; a
-- busy week on the large network has more items than that).
create or replace function public.steering_digest(p_since date default null)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'since', least(coalesce(p_since, public.steering_today() - 7), public.steering_today()),
    'today', public.steering_today(),
    'items', coalesce((select jsonb_agg(to_jsonb(i)) from public.steering_digest_items(p_since) i),
                      '[]'::jsonb)
  )
$$;

-- ---------------------------------------------------------------------------------------
-- Grants: signed-in members may call them (the functions themselves refuse anyone not in
-- the steering group); visitors may not.
revoke all on function
  public.steering_today(),
  public.steering_workstream_stats(),
  public.steering_monthly_counts(integer),
  public.steering_overdue(integer, integer),
  public.steering_participation(),
  public.steering_report(integer, integer, integer, integer, integer),
  public.steering_digest_items(date),
  public.steering_digest(date)
  from public, anon;
grant execute on function
  public.steering_today(),
  public.steering_workstream_stats(),
  public.steering_monthly_counts(integer),
  public.steering_overdue(integer, integer),
  public.steering_participation(),
  public.steering_report(integer, integer, integer, integer, integer),
  public.steering_digest_items(date),
  public.steering_digest(date)
  to authenticated, service_role;
