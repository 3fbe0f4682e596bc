-- The steering report and the weekly digest with return types the type generator can
-- read: each is still one call (one API round trip), now `returns table` with one row
-- whose lists are arrays of the composite types below, instead of one jsonb value the app
-- typed by hand. Arrays in one row, not one row per item: PostgREST caps set-returning
-- answers at max_rows (1,000), and the CSV export and a busy week's digest have more.
-- Same numbers, order and refusals as 20261127001200 (which explains them).
--
-- Live definitions in this file:
--   public.steering_report  (was 20261127001200, returning jsonb)
--   public.steering_digest  (was 20261127001200, returning jsonb)

create type public.steering_workstream_row as (
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
);

create type public.steering_month as (
  month date,
  made integer,
  done integer
);

create type public.steering_overdue_row as (
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
  last_check_in_at timestamptz
);

create type public.steering_organisation as (
  organisation_id uuid,
  organisation_slug text,
  organisation_name text,
  active_members integer
);

create type public.steering_digest_item as (
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
);

-- ---------------------------------------------------------------------------------------
-- Everything /steering shows, in one row. Tables are paged: p_*_limit rows from
-- p_*_offset; the totals are for all rows. totals is a workstream row without a workstream.
drop function public.steering_report(integer, integer, integer, integer, integer);
create function public.steering_report(
  p_workstream_limit integer default 25,
  p_workstream_offset integer default 0,
  p_overdue_limit integer default 25,
  p_overdue_offset integer default 0,
  p_organisation_limit integer default 25
)
returns table (
  today date,
  workstream_total integer,
  workstreams public.steering_workstream_row[],
  totals public.steering_workstream_row,
  months public.steering_month[],
  overdue_total integer,
  overdue public.steering_overdue_row[],
  active_members integer,
  organisations_total integer,
  members_without_organisation integer,
  organisations public.steering_organisation[]
)
language plpgsql
stable
set search_path = ''
as $$
#variable_conflict use_column
declare
  this_day date := public.steering_today();
begin
  perform private.require_steering('the steering view');

  return query
  with stats as materialized (
    select * from public.steering_workstream_stats()
  ),
  late as materialized (
    select * from public.steering_overdue(p_overdue_limit, p_overdue_offset)
  ),
  people as materialized (
    select * from public.steering_participation()
  )
  select
    this_day,
    (select count(*)::integer from stats),
    coalesce((
      select array_agg(row(s.workstream_id, s.slug, s.title, s.workstream_status, s.planned,
                           s.in_progress, s.blocked, s.done, s.dropped, s.open, s.overdue,
                           s.dormant, s.done_last_90_days, s.total
                       )::public.steering_workstream_row
                       order by s.title nulls last, s.workstream_id)
      from (select * from stats order by title nulls last, workstream_id
            limit least(greatest(coalesce(p_workstream_limit, 25), 1), 10000)
            offset greatest(coalesce(p_workstream_offset, 0), 0)) s
    ), '{}'),
    (
      select row(null, null, null, null,
                 coalesce(sum(s.planned), 0), coalesce(sum(s.in_progress), 0),
                 coalesce(sum(s.blocked), 0), coalesce(sum(s.done), 0),
                 coalesce(sum(s.dropped), 0), coalesce(sum(s.open), 0),
                 coalesce(sum(s.overdue), 0), coalesce(sum(s.dormant), 0),
                 coalesce(sum(s.done_last_90_days), 0), coalesce(sum(s.total), 0)
             )::public.steering_workstream_row
      from stats s
    ),
    coalesce((
      select array_agg(row(m.month, m.made, m.done)::public.steering_month order by m.month)
      from public.steering_monthly_counts(12) m
    ), '{}'),
    coalesce((select max(o.total_count) from late o),
             (select count(*)::integer from public.commitments c
               where c.status in ('planned', 'in_progress', 'blocked')
                 and c.archived_at is null
                 and c.next_check_in_on < this_day)),
    coalesce((
      select array_agg(row(o.id, o.title, o.status, o.owner_handle, o.owner_display_name,
                           o.organisation_name, o.workstream_slug, o.workstream_title,
                           o.next_check_in_on, o.days_overdue, o.staleness, o.last_check_in_at
                       )::public.steering_overdue_row
                       order by o.days_overdue desc, o.id)
      from late o
    ), '{}'),
    (select coalesce(sum(p.active_members), 0)::integer from people p),
    (select count(*)::integer from people p where p.organisation_id is not null),
    (select coalesce(sum(p.active_members), 0)::integer from people p
      where p.organisation_id is null),
    coalesce((
      select array_agg(row(p.organisation_id, p.organisation_slug, p.organisation_name,
                           p.active_members)::public.steering_organisation
                       order by p.active_members desc, p.organisation_name)
      from (select * from people where organisation_id is not null
            order by active_members desc, organisation_name
            limit least(greatest(coalesce(p_organisation_limit, 25), 1), 10000)) p
    ), '{}');
end;
$$;

-- ---------------------------------------------------------------------------------------
-- The weekly digest in one row: its period and every raw item. Plain SQL, as before:
-- public.steering_digest_items refuses anyone not in the steering group.
drop function public.steering_digest(date);
create function public.steering_digest(p_since date default null)
returns table (
  since date,
  today date,
  items public.steering_digest_item[]
)
language sql
stable
set search_path = ''
as $$
  select
    least(coalesce(p_since, public.steering_today() - 7), public.steering_today()),
    public.steering_today(),
    coalesce((
      select array_agg(row(i.kind, i.commitment_id, i.commitment_title, i.commitment_status,
                           i.workstream_id, i.workstream_slug, i.workstream_title,
                           i.owner_handle, i.owner_display_name, i.occurred_at, i.note,
                           i.check_in_count)::public.steering_digest_item
                       order by i.ord)
      from public.steering_digest_items(p_since) with ordinality as i(
        kind, commitment_id, commitment_title, commitment_status, workstream_id,
        workstream_slug, workstream_title, owner_handle, owner_display_name, occurred_at,
        note, check_in_count, ord)
    ), '{}')
$$;

comment on function public.steering_report(integer, integer, integer, integer, integer) is
  'Live definition: supabase/migrations/20261201000500_steering_typed.sql';
comment on function public.steering_digest(date) is
  'Live definition: supabase/migrations/20261201000500_steering_typed.sql';

-- Signed-in members may call them (they refuse anyone not in the steering group);
-- visitors may not.
revoke all on function
  public.steering_report(integer, integer, integer, integer, integer),
  public.steering_digest(date)
  from public, anon;
grant execute on function
  public.steering_report(integer, integer, integer, integer, integer),
  public.steering_digest(date)
  to authenticated, service_role;
