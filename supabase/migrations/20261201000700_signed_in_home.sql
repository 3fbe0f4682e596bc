-- The signed-in home (issue 12): what needs the member now, in one call.
--
-- public.member_visits keeps "since my last visit" per member in the database: the home
-- page's call records the visit. A visit within an hour of the last one is the same visit
-- (reloading the page does not empty "since your last visit").
--
-- public.home_for_me() is `security invoker`: everything it returns is what RLS lets the
-- member read. Staleness is private.staleness / private.days_overdue (20261201000210),
-- read through public.commitment_overview; nothing here restates the rule. One row whose
-- lists are arrays of composite types, so the generated types describe it (as
-- 20261201000500 does for the steering report).

create table public.member_visits (
  user_id uuid primary key references public.profiles (id) on delete cascade default auth.uid(),
  -- The visit in progress (the latest home page view) and the one before it.
  visited_at timestamptz not null default now(),
  previous_visit_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create trigger touch_row before update on public.member_visits
  for each row execute function private.touch_row('visit');

alter table public.member_visits enable row level security;
create policy "Members can read their own visit times" on public.member_visits
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Members can record their own first visit" on public.member_visits
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Members can record their own later visits" on public.member_visits
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
revoke all on public.member_visits from anon;
revoke delete, truncate, references, trigger on public.member_visits from authenticated;

-- How long after a pattern's last review (or its publication, if never reviewed) it is
-- due for another: the one place this threshold is spelled.
create or replace function private.pattern_review_after_days()
returns integer
language sql
immutable
parallel safe
as $$
  select 365
$$;
revoke all on function private.pattern_review_after_days() from public;
grant execute on function private.pattern_review_after_days()
  to authenticated, service_role;

create type public.home_commitment as (
  id uuid,
  title text,
  status public.commitment_status,
  due_on date,
  next_check_in_on date,
  staleness text,
  days_overdue integer,
  workstream_slug text,
  workstream_title text,
  owner_display_name text,
  -- overdue, or a check-in due within 7 days
  needs_check_in boolean
);

create type public.home_offer as (
  commitment_id uuid,
  commitment_title text,
  kind public.watch_kind,
  person_handle text,
  person_display_name text,
  note text,
  created_at timestamptz
);

create type public.home_event as (
  slug text,
  title text,
  starts_at timestamptz,
  registration_status public.registration_status,
  waitlist_position integer
);

create type public.home_pitch as (
  -- 'pitched' (mine) or 'interested' (I said I'd go)
  kind text,
  title text,
  event_slug text,
  event_title text,
  event_starts_at timestamptz
);

create type public.home_change as (
  -- 'commitment' (new), 'check_in', 'output' (published)
  kind text,
  title text,
  href text,
  actor_display_name text,
  occurred_at timestamptz,
  workstream_slug text,
  workstream_title text
);

create type public.home_workstream as (
  slug text,
  title text,
  status public.workstream_status,
  member_count integer
);

create or replace function public.home_for_me()
returns table (
  today date,
  since timestamptz,
  is_steering boolean,
  is_lead boolean,
  is_newcomer boolean,
  commitments public.home_commitment[],
  offers public.home_offer[],
  events public.home_event[],
  pitches public.home_pitch[],
  changes public.home_change[],
  lead_stale public.home_commitment[],
  lead_proposals public.home_workstream[],
  network_overdue integer,
  network_dormant integer,
  proposals_waiting integer,
  patterns_due_for_review integer,
  start_workstreams public.home_workstream[]
)
language plpgsql
volatile
security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  me uuid := (select auth.uid());
  this_day date := private.london_today();
  last_visit timestamptz;
  steering boolean := (select private.is_steering());
begin
  if me is null then
    raise exception using errcode = '42501',
      message = 'Sign in to see what needs you.';
  end if;

  -- Record the visit; "since" is the visit before this one (14 days back the first time).
  insert into public.member_visits as v (user_id) values (me)
  on conflict (user_id) do update
    set previous_visit_at = v.visited_at, visited_at = now()
    where v.visited_at < now() - interval '1 hour';
  select coalesce(v.previous_visit_at, now() - interval '14 days') into last_visit
  from public.member_visits v where v.user_id = me;

  return query
  with my_ws as materialized (
    select m.workstream_id, m.role from public.workstream_members m where m.user_id = me
  ),
  followed as materialized (
    select w.commitment_id from public.commitment_watchers w where w.user_id = me
  ),
  mine as (
    select o.*, (o.staleness <> 'on_track' or o.next_check_in_on <= this_day + 7) as needs
    from public.commitment_overview o
    where o.owner_id = me and o.status in ('planned', 'in_progress', 'blocked')
      and o.archived_at is null
  ),
  changed as (
    -- Each item once: the newest thing that happened to it.
    select distinct on (x.href) x.*
    from (
      select 'commitment'::text as kind, c.title, '/commitments/' || c.id as href,
             p.display_name as actor, c.created_at as at, c.workstream_id
      from public.commitments c
      left join public.profiles p on p.id = c.owner_id
      where c.created_at > last_visit and c.owner_id <> me
        and c.workstream_id in (select workstream_id from my_ws)
      union all
      select 'check_in', c.title, '/commitments/' || c.id, p.display_name, x.created_at,
             c.workstream_id
      from public.check_ins x
      join public.commitments c on c.id = x.commitment_id
      left join public.profiles p on p.id = x.author_id
      where x.created_at > last_visit and x.author_id is distinct from me
        and (c.workstream_id in (select workstream_id from my_ws)
             or c.id in (select commitment_id from followed))
      union all
      select 'output', o.title, '/outputs/' || o.slug, p.display_name, o.published_at,
             o.workstream_id
      from public.outputs o
      left join public.profiles p on p.id = o.created_by
      where o.status = 'published' and o.published_at > last_visit
        and o.created_by is distinct from me
        and o.workstream_id in (select workstream_id from my_ws)
    ) x
    order by x.href, x.at desc
  )
  select
    this_day,
    last_visit,
    steering,
    exists (select 1 from my_ws where role = 'lead'),
    not exists (select 1 from my_ws)
      and not exists (select 1 from public.commitments c where c.owner_id = me),
    coalesce((
      select array_agg(row(c.id, c.title, c.status, c.due_on, c.next_check_in_on, c.staleness,
                           c.days_overdue, c.workstream_slug, c.workstream_title,
                           c.owner_display_name, c.needs)::public.home_commitment
                       order by c.needs desc,
                                case when c.needs then c.next_check_in_on end,
                                c.due_on nulls last, c.title)
      from (select * from mine order by needs desc, next_check_in_on limit 50) c
    ), '{}'),
    coalesce((
      select array_agg(row(w.commitment_id, c.title, w.kind, p.handle, p.display_name, w.note,
                           w.created_at)::public.home_offer order by w.created_at desc)
      from public.commitment_watchers w
      join public.commitments c on c.id = w.commitment_id
      left join public.profiles p on p.id = w.user_id
      where c.owner_id = me and w.user_id <> me and w.created_at > last_visit
    ), '{}'),
    coalesce((
      select array_agg(row(e.slug, e.title, e.starts_at, r.status, r.position)::public.home_event
                       order by e.starts_at)
      from public.registrations r
      join public.events e on e.id = r.event_id
      where r.user_id = me and r.status in ('going', 'waitlisted') and e.starts_at >= now()
    ), '{}'),
    coalesce((
      select array_agg(row(x.kind, x.title, e.slug, e.title, e.starts_at)::public.home_pitch
                       order by e.starts_at, x.title)
      from (
        select 'pitched'::text as kind, pt.title, pt.event_id from public.pitches pt
        where pt.pitched_by = me and pt.withdrawn_at is null
        union
        select 'interested', pt.title, pt.event_id from public.pitch_interests i
        join public.pitches pt on pt.id = i.pitch_id
        where i.user_id = me and pt.withdrawn_at is null and pt.pitched_by is distinct from me
      ) x
      join public.events e on e.id = x.event_id
      where e.starts_at >= now()
    ), '{}'),
    coalesce((
      select array_agg(row(x.kind, x.title, x.href, x.actor, x.at, w.slug, w.title)::public.home_change
                       order by w.title nulls last, x.at desc)
      from (select * from changed order by at desc limit 50) x
      left join public.workstreams w on w.id = x.workstream_id
    ), '{}'),
    coalesce((
      select array_agg(row(c.id, c.title, c.status, c.due_on, c.next_check_in_on, c.staleness,
                           c.days_overdue, c.workstream_slug, c.workstream_title,
                           c.owner_display_name, true)::public.home_commitment
                       order by c.days_overdue desc, c.title)
      from (
        select o.* from public.commitment_overview o
        where o.workstream_id in (select workstream_id from my_ws where role = 'lead')
          and o.staleness <> 'on_track' and o.archived_at is null
        order by o.days_overdue desc limit 25
      ) c
    ), '{}'),
    coalesce((
      select array_agg(row(w.slug, w.title, w.status, 0)::public.home_workstream order by w.title)
      from public.workstreams w
      where w.status = 'proposed'
        and w.id in (select workstream_id from my_ws where role = 'lead')
    ), '{}'),
    case when steering then (
      select count(*)::integer from public.commitment_overview o where o.staleness = 'overdue'
    ) end,
    case when steering then (
      select count(*)::integer from public.commitment_overview o where o.staleness = 'dormant'
    ) end,
    case when steering then (
      select count(*)::integer from public.workstreams w where w.status = 'proposed'
    ) end,
    case when steering then (
      select count(*)::integer from public.patterns p
      where p.status = 'published' and p.maturity <> 'retired'
        and coalesce(p.last_reviewed_on, p.published_at::date)
            < this_day - private.pattern_review_after_days()
    ) end,
    coalesce((
      select array_agg(row(w.slug, w.title, w.status, w.n)::public.home_workstream
                       order by w.n desc, w.title)
      from (
        select w.slug, w.title, w.status, count(m.user_id)::integer as n
        from public.workstreams w
        left join public.workstream_members m on m.workstream_id = w.id
        where w.status = 'active'
        group by w.id
        order by n desc, w.title
        limit 3
      ) w
    ), '{}');
end;
$$;

revoke all on function public.home_for_me() from public, anon;
grant execute on function public.home_for_me() to authenticated;
