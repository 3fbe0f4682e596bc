-- Sharing polish (issue 9): pattern adoptions behave like output reuses, and the signed-in
-- home counts "review due" with the patterns' one rule.

-- ---------------------------------------------------------------------------------------
-- "We use this": one record per organisation per pattern; people of that organisation may
-- keep it up to date (phase, note), not only whoever wrote it first. As
-- 20261201001000_sharing_outputs.sql does for output reuses.

-- Records made twice for the same organisation before this rule: keep the first (its
-- "since" date is the organisation's), with the newest phase and note.
with ranked as (
  select a.id, a.pattern_id, a.organisation_id,
         row_number() over (partition by a.pattern_id, a.organisation_id
                            order by a.created_at, a.id) as n,
         first_value(a.phase) over w as newest_phase,
         first_value(a.note) over w as newest_note
  from public.pattern_adoptions a
  where a.organisation_id is not null
  window w as (partition by a.pattern_id, a.organisation_id order by a.updated_at desc, a.id)
),
kept as (
  update public.pattern_adoptions a
  set phase = r.newest_phase, note = r.newest_note
  from ranked r
  where r.id = a.id and r.n = 1
    and exists (select 1 from ranked d
                where d.pattern_id = r.pattern_id and d.organisation_id = r.organisation_id
                  and d.n > 1)
  returning a.id
)
delete from public.pattern_adoptions a
using ranked r
where r.id = a.id and r.n > 1;

create unique index pattern_adoptions_one_per_organisation
  on public.pattern_adoptions (pattern_id, organisation_id);

drop policy "Members can edit their own adoption records" on public.pattern_adoptions;
create policy "Members can edit their own or their organisation’s adoption records" on public.pattern_adoptions
  for update to authenticated
  using (user_id = (select auth.uid())
         or (organisation_id is not null and organisation_id = (select private.my_organisation_id()))
         or (select private.is_steering()))
  with check (user_id = (select auth.uid())
              or (organisation_id is not null and organisation_id = (select private.my_organisation_id()))
              or (select private.is_steering()));

-- Records (or updates) the signed-in member's organisation's adoption of a pattern.
-- p_version is the version of the record the member saw, when they saw one: a stale one is
-- refused (touch_row). Returns the record's id.
create or replace function public.record_pattern_adoption(
  p_pattern_id uuid,
  p_phase public.delivery_phase,
  p_note text default null,
  p_version integer default null
)
returns uuid
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_org uuid := (select private.my_organisation_id());
  v_id uuid;
begin
  if (select auth.uid()) is null then
    raise exception using errcode = '42501', message = 'Sign in to say your organisation uses this pattern.';
  end if;
  if v_org is null then
    raise exception using errcode = '42501',
      message = 'Your profile does not say which organisation you work for.',
      hint = 'Add your organisation to your profile, then say your organisation uses this pattern.';
  end if;
  update public.pattern_adoptions a
  set phase = p_phase, note = nullif(btrim(p_note), ''),
      version = coalesce(p_version, a.version)
  where a.pattern_id = p_pattern_id and a.organisation_id = v_org
  returning a.id into v_id;
  if v_id is null then
    insert into public.pattern_adoptions (pattern_id, organisation_id, user_id, phase, note)
    values (p_pattern_id, v_org, (select auth.uid()), p_phase, nullif(btrim(p_note), ''))
    returning id into v_id;
  end if;
  return v_id;
end;
$$;

revoke all on function public.record_pattern_adoption(uuid, public.delivery_phase, text, integer)
  from public, anon;
grant execute on function public.record_pattern_adoption(uuid, public.delivery_phase, text, integer)
  to authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- The signed-in home's "patterns due for review" counts with public.review_due (B's rule),
-- instead of restating it. Otherwise as in 20261201000700_signed_in_home.sql.
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
      select count(*)::integer from public.patterns p where public.review_due(p)
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

