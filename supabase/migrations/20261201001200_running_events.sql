-- Running events (issue 10): organisers save, publish and cancel events in one call each;
-- promotion from the waiting list and cancellation queue emails in the same transaction;
-- members get a personal calendar feed at a secret address.

-- ---------------------------------------------------------------------------------------
-- Saving an event: its fields, joining details, outcome tags and co-organisers, in one
-- transaction. Security invoker: the events policies decide who may (any member creates an
-- event they organise; its organisers and the steering group edit it). Returns the slug.
-- p_organiser_handles are the co-organisers: the creator always stays an organiser.
create or replace function public.save_event(
  p_slug text,
  p_kind public.event_kind,
  p_title text,
  p_starts_at timestamptz,
  p_ends_at timestamptz,
  p_status public.event_status default 'draft',
  p_id uuid default null,
  p_version integer default null,
  p_summary text default null,
  p_description text default null,
  p_venue text default null,
  p_is_online boolean default false,
  p_capacity integer default null,
  p_registration_opens_at timestamptz default null,
  p_registration_closes_at timestamptz default null,
  p_workstream_id uuid default null,
  p_parent_event_id uuid default null,
  p_outcome_ids uuid[] default '{}',
  p_organiser_handles text[] default '{}',
  p_online_url text default null,
  p_joining_instructions text default null
)
returns text
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_id uuid := p_id;
  v_slug text;
  v_creator uuid;
  v_handles text[] := coalesce(p_organiser_handles, '{}');
  v_unknown text;
  v_organisers uuid[];
begin
  if p_status = 'cancelled' then
    raise exception using errcode = '22023',
      message = 'Cancel an event with “Cancel this event”, so everyone registered is told.';
  end if;
  select h into v_unknown from unnest(v_handles) as h
  where not exists (select 1 from public.profiles p where p.handle = h)
  limit 1;
  if v_unknown is not null then
    raise exception using errcode = '22023',
      message = format('No member has the handle “%s”.', v_unknown),
      hint = 'Check the co-organisers: use the handle from their profile page address.';
  end if;

  if v_id is null then
    insert into public.events
      (slug, kind, title, summary, description, starts_at, ends_at, venue, is_online, capacity,
       registration_opens_at, registration_closes_at, status, workstream_id, parent_event_id,
       created_by)
    values
      (p_slug, p_kind, p_title, p_summary, p_description, p_starts_at, p_ends_at, p_venue,
       p_is_online, p_capacity, p_registration_opens_at, p_registration_closes_at, p_status,
       p_workstream_id, p_parent_event_id, (select auth.uid()))
    returning id, slug, created_by into v_id, v_slug, v_creator;
  else
    update public.events e
    set kind = p_kind, title = p_title, summary = p_summary, description = p_description,
        starts_at = p_starts_at, ends_at = p_ends_at, venue = p_venue, is_online = p_is_online,
        capacity = p_capacity, registration_opens_at = p_registration_opens_at,
        registration_closes_at = p_registration_closes_at,
        -- A cancelled event stays cancelled: editing its words tells nobody it is back on.
        status = case when e.status = 'cancelled' then e.status else p_status end,
        workstream_id = p_workstream_id, parent_event_id = p_parent_event_id,
        version = p_version
    where e.id = v_id
    returning e.id, e.slug, e.created_by into v_id, v_slug, v_creator;
    if v_id is null then
      raise exception using errcode = '42501',
        message = 'Only the organisers of an event and the steering group can edit it.';
    end if;
  end if;

  -- Co-organisers: the creator, plus the handles given.
  select array_agg(p.id) into v_organisers
  from public.profiles p where p.handle = any (v_handles);
  v_organisers := coalesce(v_organisers, '{}') || case when v_creator is null then '{}'::uuid[]
                                                       else array[v_creator] end;
  delete from public.event_organisers o
  where o.event_id = v_id and o.user_id <> all (v_organisers);
  insert into public.event_organisers (event_id, user_id)
  select v_id, u from unnest(v_organisers) as u
  on conflict do nothing;

  delete from public.event_outcomes t
  where t.event_id = v_id and t.outcome_id <> all (coalesce(p_outcome_ids, '{}'));
  insert into public.event_outcomes (event_id, outcome_id)
  select v_id, o from unnest(coalesce(p_outcome_ids, '{}')) as o
  on conflict do nothing;

  if p_online_url is null and p_joining_instructions is null then
    delete from public.event_private_details d where d.event_id = v_id;
  else
    insert into public.event_private_details (event_id, online_url, joining_instructions)
    values (v_id, p_online_url, p_joining_instructions)
    on conflict (event_id) do update
      set online_url = excluded.online_url, joining_instructions = excluded.joining_instructions;
  end if;
  return v_slug;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Cancelling: the event is marked cancelled (its version goes up, so calendars that
-- imported it see a new SEQUENCE) and everyone going or waiting is emailed.
create or replace function public.cancel_event(p_id uuid, p_version integer)
returns text
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  ev public.events;
begin
  update public.events e set status = 'cancelled', version = p_version
  where e.id = p_id and e.status <> 'cancelled'
  returning * into ev;
  if ev.id is null then
    if exists (select 1 from public.events e where e.id = p_id and e.status = 'cancelled') then
      raise exception using errcode = 'PT409', message = 'This event is already cancelled.';
    end if;
    raise exception using errcode = '42501',
      message = 'Only the organisers of an event and the steering group can cancel it.';
  end if;
  -- Definer: the organiser may read the list, but the email row belongs to each person.
  perform private.email_event_cancelled(ev.id);
  return ev.slug;
end;
$$;

create or replace function private.email_event_cancelled(p_event_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  ev public.events;
begin
  -- Only on behalf of someone who may cancel it (cancel_event has just done so).
  if not ((select private.is_event_organiser(p_event_id)) or (select private.is_steering())) then
    return;
  end if;
  select * into ev from public.events e where e.id = p_event_id;
  perform private.enqueue_email(r.user_id, 'event_cancelled', format('event_cancelled:%s', ev.id),
    jsonb_build_object('event_id', ev.id, 'event_title', ev.title, 'event_slug', ev.slug,
                       'starts_at', ev.starts_at))
  from public.registrations r
  where r.event_id = ev.id and r.status in ('going', 'waitlisted');
end;
$$;

-- ---------------------------------------------------------------------------------------
-- A place from the waiting list (fill_places, after a cancellation or more places) emails
-- the person promoted, in the same transaction. Keyed by the registration's version, so a
-- second promotion (after cancelling and coming back) is a second email.
create or replace function private.email_waitlist_promotion()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ev public.events;
begin
  select * into ev from public.events e where e.id = new.event_id;
  perform private.enqueue_email(new.user_id, 'waitlist_promotion',
    format('waitlist_promotion:%s:%s', new.id, new.version),
    jsonb_build_object('event_id', ev.id, 'event_title', ev.title, 'event_slug', ev.slug,
                       'starts_at', ev.starts_at));
  return null;
end;
$$;
create trigger email_waitlist_promotion after update of status on public.registrations
  for each row when (old.status = 'waitlisted' and new.status = 'going')
  execute function private.email_waitlist_promotion();

-- ---------------------------------------------------------------------------------------
-- The registration list for organisers, in waitlist order, with names: one call.
-- Security invoker: registrations' RLS gives organisers and steering their event's rows.
-- For them there is always at least one row (all nulls when nobody has registered), so a
-- page can tell "nobody yet" from "not yours to see" (no rows).
create or replace function public.event_registrations(p_event_id uuid)
returns table (
  registration_id uuid,
  display_name text,
  handle text,
  organisation text,
  status public.registration_status,
  waitlist_position integer,
  registered_at timestamptz,
  cancelled_at timestamptz
)
language sql
stable
security invoker
set search_path = ''
as $$
  select r.id, p.display_name, p.handle, o.name, r.status, r.position, r.registered_at,
         r.cancelled_at
  from (select 1 where (select private.is_event_organiser(p_event_id))
                       or (select private.is_steering())) as allowed
  left join public.registrations r on r.event_id = p_event_id
  left join public.profiles p on p.id = r.user_id
  left join public.organisations o on o.id = p.organisation_id
  order by case r.status when 'going' then 0 when 'waitlisted' then 1 else 2 end,
           r.position nulls last, r.registered_at
$$;

-- ---------------------------------------------------------------------------------------
-- Personal calendar feeds: a secret token per member; the feed address carries it and is
-- read without a session, through calendar_feed (definer), which checks the token.
create table public.calendar_feeds (
  user_id uuid primary key references public.profiles (id) on delete cascade
    default auth.uid(),
  -- 256 bits from two random uuids (gen_random_uuid needs no extension).
  token text not null unique
    default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
    check (token ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create trigger touch_row before update on public.calendar_feeds
  for each row execute function private.touch_row('calendar feed');

alter table public.calendar_feeds enable row level security;
create policy "Members can read their own calendar feed" on public.calendar_feeds
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Members can start their own calendar feed" on public.calendar_feeds
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Members can reset their own calendar feed" on public.calendar_feeds
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "Members can stop their own calendar feed" on public.calendar_feeds
  for delete to authenticated using (user_id = (select auth.uid()));
revoke all on public.calendar_feeds from anon;
revoke truncate, references, trigger on public.calendar_feeds from authenticated;

-- A new secret address (the old one stops working at once). Returns the token.
create or replace function public.reset_calendar_feed()
returns text
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
begin
  if (select auth.uid()) is null then
    raise exception using errcode = '42501', message = 'Sign in to get a calendar feed.';
  end if;
  insert into public.calendar_feeds (user_id, token) values ((select auth.uid()), v_token)
  on conflict (user_id) do update set token = excluded.token;
  return v_token;
end;
$$;

-- The events a feed's owner is going to (published or cancelled, from 30 days ago on), or
-- null when no feed has that token.
create or replace function public.calendar_feed(p_token text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select case when f.user_id is null then null else coalesce((
    select jsonb_agg(jsonb_build_object(
             'id', e.id, 'slug', e.slug, 'title', e.title, 'summary', e.summary,
             'status', e.status, 'starts_at', e.starts_at, 'ends_at', e.ends_at,
             'venue', e.venue, 'is_online', e.is_online, 'version', e.version,
             'updated_at', e.updated_at)
           order by e.starts_at)
    from public.registrations r
    join public.events e on e.id = r.event_id
    where r.user_id = f.user_id and r.status = 'going'
      and e.status in ('published', 'cancelled')
      and e.ends_at >= now() - interval '30 days'
  ), '[]'::jsonb) end
  from (select null) as one
  left join public.calendar_feeds f on f.token = p_token
$$;

-- ---------------------------------------------------------------------------------------
-- Places on event pages, as computed fields of an event (select=...,going_count), so a
-- list of events carries its numbers in the same request. Numbers only, never names; the
-- row must be one the caller may see.
create or replace function private.registration_count(
  p_event_id uuid,
  p_status public.registration_status
)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select count(*)::integer from public.registrations r
  where r.event_id = p_event_id and r.status = p_status
    -- The stored status, not a row handed in (a caller could make one up).
    and exists (select 1 from public.events x where x.id = p_event_id
                and (x.status in ('published', 'cancelled') or private.is_event_organiser(x.id)
                     or private.is_steering()))
$$;

create or replace function public.going_count(e public.events)
returns integer
language sql
stable
set search_path = ''
as $$
  select private.registration_count(e.id, 'going')
$$;

create or replace function public.waitlist_count(e public.events)
returns integer
language sql
stable
set search_path = ''
as $$
  select private.registration_count(e.id, 'waitlisted')
$$;

-- "Before you go": published outputs and patterns from the event's workstream or sharing
-- one of its outcomes, newest first, for someone coming for the first time. One call.
create or replace function public.event_before_you_go(p_slug text, p_limit integer default 5)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with ev as (
    select e.id, e.workstream_id from public.events e where e.slug = p_slug
  ), tags as (
    select t.outcome_id from public.event_outcomes t join ev on ev.id = t.event_id
  )
  select jsonb_build_object(
    'outputs', coalesce((
      select jsonb_agg(jsonb_build_object('slug', o.slug, 'title', o.title, 'summary', o.summary)
                       order by o.published_at desc nulls last, o.id)
      from (
        select o.* from public.outputs o
        where o.status = 'published'
          and (o.workstream_id = (select ev.workstream_id from ev)
               or exists (select 1 from public.output_outcomes x join tags using (outcome_id)
                          where x.output_id = o.id))
        order by o.published_at desc nulls last, o.id
        limit p_limit
      ) o), '[]'::jsonb),
    'patterns', coalesce((
      select jsonb_agg(jsonb_build_object('slug', p.slug, 'title', p.title, 'summary', p.summary)
                       order by p.published_at desc nulls last, p.id)
      from (
        select p.* from public.patterns p
        where p.status = 'published'
          and (p.workstream_id = (select ev.workstream_id from ev)
               or exists (select 1 from public.pattern_outcomes x join tags using (outcome_id)
                          where x.pattern_id = p.id))
        order by p.published_at desc nulls last, p.id
        limit p_limit
      ) p), '[]'::jsonb)
  )
$$;

-- A signed-in member's place at an event and, if they may read them (going, organising,
-- steering), its joining details: one call for the event page.
create or replace function public.my_place_at_event(p_slug text)
returns table (
  registration_status public.registration_status,
  waitlist_position integer,
  online_url text,
  joining_instructions text
)
language sql
stable
security invoker
set search_path = ''
as $$
  select r.status, r.position, d.online_url, d.joining_instructions
  from public.events e
  left join public.registrations r on r.event_id = e.id and r.user_id = (select auth.uid())
  left join public.event_private_details d on d.event_id = e.id
  where e.slug = p_slug
$$;
revoke all on function public.my_place_at_event(text) from public, anon;
grant execute on function public.my_place_at_event(text) to authenticated, service_role;

-- What an event's edit form needs beyond the event: whether the caller may edit it (its
-- organisers and the steering group), and the events it could be a fringe event of.
create or replace function public.event_edit_context(p_slug text)
returns table (can_edit boolean, parent_id uuid, parent_title text)
language sql
stable
security invoker
set search_path = ''
as $$
  with ev as (select e.id from public.events e where e.slug = p_slug)
  select coalesce((select private.is_event_organiser(ev.id) from ev), false)
           or (select private.is_steering()),
         p.id, p.title
  from (select null) as one
  left join lateral (
    select e.id, e.title from public.events e
    where e.status = 'published' and e.parent_event_id is null and e.ends_at >= now()
      and e.id is distinct from (select ev.id from ev)
    order by e.starts_at
    limit 100
  ) p on true
$$;
revoke all on function public.event_edit_context(text) from public, anon;
grant execute on function public.event_edit_context(text) to authenticated, service_role;

-- Calendar files: published and cancelled events (one by slug, or all that have not
-- finished). Definer, because visitors cannot read cancelled events, yet a calendar that
-- imported one must be told it is cancelled (STATUS:CANCELLED), not left to guess.
create or replace function public.events_for_calendar(p_slug text default null)
returns table (
  id uuid, slug text, title text, summary text, status public.event_status,
  starts_at timestamptz, ends_at timestamptz, venue text, is_online boolean, version integer,
  updated_at timestamptz
)
language sql
stable
security definer
set search_path = ''
as $$
  select e.id, e.slug, e.title, e.summary, e.status, e.starts_at, e.ends_at, e.venue,
         e.is_online, e.version, e.updated_at
  from public.events e
  where e.status in ('published', 'cancelled')
    and (case when p_slug is null then e.ends_at >= now() else e.slug = p_slug end)
  order by e.starts_at
  limit 1000
$$;
revoke all on function public.events_for_calendar(text) from public;
grant execute on function public.events_for_calendar(text) to anon, authenticated, service_role;

revoke all on function public.going_count(public.events), public.waitlist_count(public.events),
  public.event_before_you_go(text, integer) from public;
grant execute on function public.going_count(public.events), public.waitlist_count(public.events),
  public.event_before_you_go(text, integer) to anon, authenticated, service_role;

revoke all on function
  public.save_event(text, public.event_kind, text, timestamptz, timestamptz, public.event_status,
    uuid, integer, text, text, text, boolean, integer, timestamptz, timestamptz, uuid, uuid,
    uuid[], text[], text, text),
  public.cancel_event(uuid, integer),
  public.event_registrations(uuid),
  public.reset_calendar_feed(),
  public.calendar_feed(text)
  from public, anon;
grant execute on function
  public.save_event(text, public.event_kind, text, timestamptz, timestamptz, public.event_status,
    uuid, integer, text, text, text, boolean, integer, timestamptz, timestamptz, uuid, uuid,
    uuid[], text[], text, text),
  public.cancel_event(uuid, integer),
  public.event_registrations(uuid),
  public.reset_calendar_feed()
  to authenticated, service_role;
grant execute on function public.calendar_feed(text) to anon, authenticated, service_role;

revoke all on function private.email_event_cancelled(uuid), private.email_waitlist_promotion()
  from public, anon, authenticated, service_role;
grant execute on function private.email_event_cancelled(uuid) to authenticated, service_role;
revoke all on function private.registration_count(uuid, public.registration_status) from public;
grant execute on function private.registration_count(uuid, public.registration_status)
  to anon, authenticated, service_role;
