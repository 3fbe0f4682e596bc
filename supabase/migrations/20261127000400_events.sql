-- Events: camps (pitching board, session grid), show-and-tells (slots with presenters),
-- meetups and workshops. Organisers, private joining details, sessions, presenters,
-- linked outputs, pitches and interest marks, registrations with a first-come waitlist,
-- outcome tags.

-- ---------------------------------------------------------------------------------------
-- Events
create table public.events (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 100),
  kind public.event_kind not null,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  summary text check (char_length(summary) <= 1000),
  description text check (char_length(description) <= 50000),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  venue text check (char_length(venue) <= 500),
  is_online boolean not null default false,
  capacity integer check (capacity is null or capacity > 0), -- null: no limit
  registration_opens_at timestamptz,
  registration_closes_at timestamptz,
  status public.event_status not null default 'draft',
  workstream_id uuid references public.workstreams (id) on delete set null,
  parent_event_id uuid references public.events (id) on delete set null, -- fringe events
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint events_ends_after_start check (ends_at >= starts_at),
  constraint events_registration_window
    check (registration_opens_at is null or registration_closes_at is null
           or registration_closes_at > registration_opens_at),
  constraint events_not_own_parent check (parent_event_id is distinct from id)
);
create index events_workstream_id_idx on public.events (workstream_id);
create index events_parent_event_id_idx on public.events (parent_event_id);
create index events_created_by_idx on public.events (created_by);
create index events_starts_at_idx on public.events (starts_at) where status = 'published';
create trigger touch_row before update on public.events
  for each row execute function private.touch_row('event');
create trigger keep_owner before update on public.events
  for each row execute function private.keep_owner('event', 'created_by');
create trigger set_published_at before insert or update on public.events
  for each row execute function private.set_published_at();

create table public.event_organisers (
  event_id uuid not null references public.events (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (event_id, user_id)
);
create index event_organisers_user_id_idx on public.event_organisers (user_id);

create or replace function private.add_event_creator_as_organiser()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.created_by is not null then
    insert into public.event_organisers (event_id, user_id)
    values (new.id, new.created_by)
    on conflict do nothing;
  end if;
  return new;
end;
$$;
create trigger add_creator_as_organiser after insert on public.events
  for each row execute function private.add_event_creator_as_organiser();

create or replace function private.is_event_organiser(p_event_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.event_organisers o
    where o.event_id = p_event_id and o.user_id = (select auth.uid())
  )
$$;

-- ---------------------------------------------------------------------------------------
-- Joining details (online link, door codes): only for people going, organisers, steering.
create table public.event_private_details (
  event_id uuid primary key references public.events (id) on delete cascade,
  online_url text check (online_url is null or online_url ~* '^https?://'),
  joining_instructions text check (char_length(joining_instructions) <= 5000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create trigger touch_row before update on public.event_private_details
  for each row execute function private.touch_row('joining details');

-- ---------------------------------------------------------------------------------------
-- Sessions (camp grid: room x time block; show-and-tell: slots)
create table public.event_sessions (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  description text check (char_length(description) <= 10000),
  room text check (char_length(room) <= 100),
  starts_at timestamptz,
  ends_at timestamptz,
  notes text check (char_length(notes) <= 50000), -- what was said, and what next
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint event_sessions_ends_after_start
    check (starts_at is null or ends_at is null or ends_at >= starts_at)
);
create index event_sessions_event_id_idx on public.event_sessions (event_id, starts_at, room);
create trigger touch_row before update on public.event_sessions
  for each row execute function private.touch_row('session');
-- A presenter may edit their session, not carry it off into another event's grid.
create trigger keep_owner before update on public.event_sessions
  for each row execute function private.keep_owner('session', 'event_id');

create table public.session_presenters (
  session_id uuid not null references public.event_sessions (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (session_id, user_id)
);
create index session_presenters_user_id_idx on public.session_presenters (user_id);

create table public.session_outputs (
  session_id uuid not null references public.event_sessions (id) on delete cascade,
  output_id uuid not null references public.outputs (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (session_id, output_id)
);
create index session_outputs_output_id_idx on public.session_outputs (output_id);

-- Organisers of the session's event, and its presenters (they write the notes).
create or replace function private.can_edit_session(p_session_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.event_sessions s
    join public.event_organisers o on o.event_id = s.event_id
    where s.id = p_session_id and o.user_id = (select auth.uid())
  ) or exists (
    select 1 from public.session_presenters p
    where p.session_id = p_session_id and p.user_id = (select auth.uid())
  )
$$;

create or replace function private.session_event_id(p_session_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.event_id from public.event_sessions s where s.id = p_session_id
$$;

-- ---------------------------------------------------------------------------------------
-- Pitches for camp sessions, and interest marks ("I'd come to this").
create table public.pitches (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  pitched_by uuid references public.profiles (id) on delete set null default auth.uid(),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  description text check (char_length(description) <= 5000),
  session_id uuid references public.event_sessions (id) on delete set null, -- when scheduled
  commitment_id uuid references public.commitments (id) on delete set null, -- what it became
  withdrawn_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index pitches_event_id_idx on public.pitches (event_id);
create index pitches_pitched_by_idx on public.pitches (pitched_by);
create index pitches_session_id_idx on public.pitches (session_id);
create index pitches_commitment_id_idx on public.pitches (commitment_id);
create trigger touch_row before update on public.pitches
  for each row execute function private.touch_row('pitch');
create trigger keep_owner before update on public.pitches
  for each row execute function private.keep_owner('pitch', 'pitched_by', 'event_id');

create table public.pitch_interests (
  pitch_id uuid not null references public.pitches (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade default auth.uid(),
  created_at timestamptz not null default now(),
  primary key (pitch_id, user_id)
);
create index pitch_interests_user_id_idx on public.pitch_interests (user_id);

-- The person who pitched edits the words; the organisers put a pitch in the grid; a pitch
-- becomes a commitment only through commit_to_pitch (the new commitment is the caller's).
create or replace function private.guard_pitch()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null or (select private.is_steering())
     or (select private.is_event_organiser(new.event_id)) then
    return new;
  end if;
  if new.session_id is distinct from old.session_id then
    raise exception using
      errcode = '42501',
      message = 'Only the organisers can put a pitch in the session grid.',
      hint = 'Ask the organisers to schedule it.';
  end if;
  if new.commitment_id is distinct from old.commitment_id
     and (new.commitment_id is null or not (select private.owns_commitment(new.commitment_id))) then
    raise exception using
      errcode = '42501',
      message = 'A pitch can only become a commitment of your own.',
      hint = 'Use “Commit to this” on the pitch.';
  end if;
  return new;
end;
$$;
create trigger guard_pitch before update of session_id, commitment_id on public.pitches
  for each row execute function private.guard_pitch();

-- ---------------------------------------------------------------------------------------
-- Registrations: written only by register_for_event / cancel_registration.
-- position: place on the waiting list (1 = next in), null unless waitlisted.
create table public.registrations (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  status public.registration_status not null,
  position integer check (position is null or position > 0),
  -- registered_at is the place in the queue (reset when someone comes back after
  -- cancelling); created_at is when the row was first written.
  registered_at timestamptz not null default clock_timestamp(),
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (event_id, user_id),
  constraint registrations_position_only_when_waitlisted
    check ((status = 'waitlisted') = (position is not null))
);
create index registrations_user_id_idx on public.registrations (user_id);
create index registrations_event_status_idx on public.registrations (event_id, status, position);
create trigger touch_row before update on public.registrations
  for each row execute function private.touch_row('registration');

create or replace function private.is_going(p_event_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.registrations r
    where r.event_id = p_event_id and r.user_id = (select auth.uid()) and r.status = 'going'
  )
$$;

-- ---------------------------------------------------------------------------------------
-- Outcome tags
create table public.event_outcomes (
  event_id uuid not null references public.events (id) on delete cascade,
  outcome_id uuid not null references public.outcomes (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (event_id, outcome_id)
);
create index event_outcomes_outcome_id_idx on public.event_outcomes (outcome_id);

-- ---------------------------------------------------------------------------------------
-- Registration functions. The event row is locked (select ... for update) so concurrent
-- registrations and cancellations for one event run one after another: capacity is never
-- exceeded and the waiting list keeps its order.

-- Dates in messages are shown as people read them: London time.
create or replace function private.london(p_at timestamptz)
returns text
language sql
stable
set search_path = ''
as $$
  select to_char(p_at at time zone 'Europe/London', 'FMDD FMMonth YYYY "at" HH24:MI')
$$;

-- Promote from the waiting list while there are places, then renumber the list.
-- The caller holds the lock on the event row.
create or replace function private.fill_places(p_event_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  cap integer;
  going integer;
  next_up record;
  ev_title text;
begin
  select e.capacity, e.title into cap, ev_title from public.events e where e.id = p_event_id;
  loop
    select count(*) into going from public.registrations r
    where r.event_id = p_event_id and r.status = 'going';
    exit when cap is not null and going >= cap;
    select r.id, r.user_id into next_up from public.registrations r
    where r.event_id = p_event_id and r.status = 'waitlisted'
    order by r.position, r.registered_at
    limit 1;
    exit when not found;
    update public.registrations set status = 'going', position = null where id = next_up.id;
    perform private.log_activity('promoted', 'registrations', next_up.id,
      format('Got a place at %s from the waiting list', ev_title), null, next_up.user_id);
  end loop;
  -- Renumber what is left: 1, 2, 3 ... in queue order.
  update public.registrations r set position = q.n
  from (
    select id, row_number() over (order by position, registered_at)::integer as n
    from public.registrations
    where event_id = p_event_id and status = 'waitlisted'
  ) q
  where r.id = q.id and r.position is distinct from q.n;
end;
$$;

create or replace function public.register_for_event(p_event_id uuid)
returns public.registrations
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  ev public.events;
  reg public.registrations;
  going integer;
  waiting integer;
begin
  if me is null then
    raise exception using errcode = '42501',
      message = 'Sign in to register for events.';
  end if;

  select * into ev from public.events e where e.id = p_event_id for update;
  if not found or (ev.status = 'draft' and not private.is_event_organiser(ev.id)
                   and not private.is_steering()) then
    raise exception using errcode = 'P0002',
      message = 'That event does not exist or is not open yet.';
  end if;
  if ev.status = 'cancelled' then
    raise exception using message = 'This event has been cancelled, so you cannot register.';
  end if;
  if ev.ends_at < now() then
    raise exception using message = 'This event has already happened.';
  end if;
  if ev.registration_opens_at is not null and now() < ev.registration_opens_at then
    raise exception using
      message = format('Registration opens on %s.', private.london(ev.registration_opens_at)),
      hint = 'Come back then.';
  end if;
  if ev.registration_closes_at is not null and now() >= ev.registration_closes_at then
    raise exception using
      message = format('Registration closed on %s.', private.london(ev.registration_closes_at)),
      hint = 'Contact the organisers if you still want to come.';
  end if;

  select * into reg from public.registrations r
  where r.event_id = p_event_id and r.user_id = me;
  if found and reg.status <> 'cancelled' then
    return reg; -- already going or waiting: registering twice changes nothing
  end if;

  select count(*) filter (where r.status = 'going'),
         count(*) filter (where r.status = 'waitlisted')
    into going, waiting
  from public.registrations r where r.event_id = p_event_id;

  if reg.id is null then
    insert into public.registrations (event_id, user_id, status, position)
    values (p_event_id, me,
            case when ev.capacity is null or going < ev.capacity then 'going'::public.registration_status
                 else 'waitlisted'::public.registration_status end,
            case when ev.capacity is null or going < ev.capacity then null else waiting + 1 end)
    returning * into reg;
  else
    -- Coming back after cancelling: to the back of the queue.
    update public.registrations r
    set status = case when ev.capacity is null or going < ev.capacity then 'going'::public.registration_status
                      else 'waitlisted'::public.registration_status end,
        position = case when ev.capacity is null or going < ev.capacity then null else waiting + 1 end,
        registered_at = clock_timestamp(),
        cancelled_at = null
    where r.id = reg.id
    returning * into reg;
  end if;

  perform private.log_activity(
    case when reg.status = 'going' then 'registered' else 'waitlisted' end,
    'registrations', reg.id,
    case when reg.status = 'going' then format('Registered for %s', ev.title)
         else format('Joined the waiting list for %s', ev.title) end,
    ev.workstream_id, me);
  return reg;
end;
$$;

create or replace function public.cancel_registration(p_event_id uuid)
returns public.registrations
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  ev public.events;
  reg public.registrations;
begin
  if me is null then
    raise exception using errcode = '42501', message = 'Sign in to manage your registrations.';
  end if;
  select * into ev from public.events e where e.id = p_event_id for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'That event does not exist.';
  end if;
  select * into reg from public.registrations r
  where r.event_id = p_event_id and r.user_id = me and r.status <> 'cancelled';
  if not found then
    raise exception using errcode = 'P0002', message = 'You are not registered for this event.';
  end if;

  update public.registrations r
  set status = 'cancelled', position = null, cancelled_at = now()
  where r.id = reg.id
  returning * into reg;

  perform private.log_activity('cancelled', 'registrations', reg.id,
    format('Cancelled their place at %s', ev.title), ev.workstream_id, me);
  -- A place freed (or a queue gap): the first on the waiting list moves up.
  perform private.fill_places(p_event_id);
  return reg;
end;
$$;

-- More places (capacity raised or removed) go to the waiting list straight away.
create or replace function private.event_capacity_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.capacity is null or (old.capacity is not null and new.capacity > old.capacity) then
    perform private.fill_places(new.id);
  end if;
  return null;
end;
$$;
create trigger capacity_changed after update of capacity on public.events
  for each row when (new.capacity is distinct from old.capacity)
  execute function private.event_capacity_changed();

-- Places taken and left, for event pages (anyone may see numbers, not names).
create or replace function public.event_attendance(p_event_ids uuid[])
returns table (event_id uuid, capacity integer, going integer, waitlisted integer, places_left integer)
language sql
stable
security definer
set search_path = ''
as $$
  select e.id, e.capacity,
         count(r.id) filter (where r.status = 'going')::integer,
         count(r.id) filter (where r.status = 'waitlisted')::integer,
         case when e.capacity is null then null
              else greatest(e.capacity - count(r.id) filter (where r.status = 'going'), 0)::integer end
  from public.events e
  left join public.registrations r on r.event_id = e.id
  where e.id = any (p_event_ids)
    and (e.status in ('published', 'cancelled')
         or private.is_event_organiser(e.id) or private.is_steering())
  group by e.id
$$;

-- A camp session becomes a commitment that carries the people who were interested:
-- the caller owns the new commitment; interested people become its watchers.
create or replace function public.commit_to_pitch(
  p_pitch_id uuid,
  p_title text,
  p_so_that text default null,
  p_workstream_id uuid default null,
  p_due_on date default null,
  p_visibility public.visibility default 'public'
)
returns public.commitments
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  p public.pitches;
  c public.commitments;
begin
  if me is null then
    raise exception using errcode = '42501', message = 'Sign in to make a commitment.';
  end if;
  select * into p from public.pitches where id = p_pitch_id for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'That pitch does not exist.';
  end if;
  if not (p.pitched_by = me or private.is_event_organiser(p.event_id) or private.is_steering()
          or exists (select 1 from public.pitch_interests i where i.pitch_id = p.id and i.user_id = me)) then
    raise exception using errcode = '42501',
      message = 'Only the person who pitched it, someone interested, or an organiser can turn a pitch into a commitment.';
  end if;
  if p.commitment_id is not null then
    raise exception using errcode = 'PT409',
      message = 'This pitch has already become a commitment.',
      hint = 'Watch or offer help on that commitment instead.';
  end if;

  insert into public.commitments (owner_id, workstream_id, title, so_that, due_on, visibility, description)
  values (me, p_workstream_id, coalesce(nullif(btrim(p_title), ''), p.title), p_so_that, p_due_on,
          p_visibility, p.description)
  returning * into c;

  insert into public.commitment_watchers (commitment_id, user_id, kind, note)
  select c.id, u.user_id, 'watch', 'Interested in the camp pitch'
  from (select i.user_id from public.pitch_interests i where i.pitch_id = p.id
        union select p.pitched_by) u
  where u.user_id is not null and u.user_id <> me
  on conflict do nothing;

  update public.pitches set commitment_id = c.id where id = p.id;
  return c;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Row Level Security
alter table public.events enable row level security;
alter table public.event_organisers enable row level security;
alter table public.event_private_details enable row level security;
alter table public.event_sessions enable row level security;
alter table public.session_presenters enable row level security;
alter table public.session_outputs enable row level security;
alter table public.pitches enable row level security;
alter table public.pitch_interests enable row level security;
alter table public.registrations enable row level security;
alter table public.event_outcomes enable row level security;

-- events
create policy "Anyone can read published events" on public.events
  for select to anon using (status = 'published');
-- created_by on the row too: during INSERT ... RETURNING the organiser row does not exist yet.
create policy "Members can read published and cancelled events and ones they organise" on public.events
  for select to authenticated
  using (status in ('published', 'cancelled') or created_by = (select auth.uid())
         or (select private.is_event_organiser(id)) or (select private.is_steering()));
create policy "Members can create events they organise" on public.events
  for insert to authenticated
  with check (created_by = (select auth.uid()) or (select private.is_steering()));
create policy "Organisers and steering can edit an event" on public.events
  for update to authenticated
  using ((select private.is_event_organiser(id)) or (select private.is_steering()))
  with check ((select private.is_event_organiser(id)) or (select private.is_steering()));
create policy "Steering can delete events" on public.events
  for delete to authenticated using ((select private.is_steering()));

-- event_organisers
create policy "Anyone can see the organisers of events they can see" on public.event_organisers
  for select to anon, authenticated
  using (exists (select 1 from public.events e where e.id = event_id));
create policy "Organisers and steering can add organisers" on public.event_organisers
  for insert to authenticated
  with check ((select private.is_event_organiser(event_id)) or (select private.is_steering()));
create policy "Organisers and steering can remove organisers" on public.event_organisers
  for delete to authenticated
  using ((select private.is_event_organiser(event_id)) or (select private.is_steering()));

-- event_private_details: never anon
create policy "People going, organisers and steering can read joining details" on public.event_private_details
  for select to authenticated
  using ((select private.is_going(event_id)) or (select private.is_event_organiser(event_id))
         or (select private.is_steering()));
create policy "Organisers and steering can add joining details" on public.event_private_details
  for insert to authenticated
  with check ((select private.is_event_organiser(event_id)) or (select private.is_steering()));
create policy "Organisers and steering can edit joining details" on public.event_private_details
  for update to authenticated
  using ((select private.is_event_organiser(event_id)) or (select private.is_steering()))
  with check ((select private.is_event_organiser(event_id)) or (select private.is_steering()));
create policy "Organisers and steering can remove joining details" on public.event_private_details
  for delete to authenticated
  using ((select private.is_event_organiser(event_id)) or (select private.is_steering()));

-- event_sessions (the grid is the organisers' to arrange, including removing slots)
create policy "Anyone can read sessions of events they can see" on public.event_sessions
  for select to anon, authenticated
  using (exists (select 1 from public.events e where e.id = event_id));
create policy "Organisers and steering can add sessions" on public.event_sessions
  for insert to authenticated
  with check ((select private.is_event_organiser(event_id)) or (select private.is_steering()));
create policy "Organisers, presenters and steering can edit a session" on public.event_sessions
  for update to authenticated
  using ((select private.can_edit_session(id)) or (select private.is_steering()))
  with check ((select private.is_event_organiser(event_id)) or (select private.can_edit_session(id))
              or (select private.is_steering()));
create policy "Organisers and steering can remove sessions" on public.event_sessions
  for delete to authenticated
  using ((select private.is_event_organiser(event_id)) or (select private.is_steering()));

-- session_presenters
create policy "Anyone can see presenters of sessions they can see" on public.session_presenters
  for select to anon, authenticated
  using (exists (select 1 from public.event_sessions s where s.id = session_id));
create policy "Organisers and steering can add presenters" on public.session_presenters
  for insert to authenticated
  with check ((select private.is_event_organiser(private.session_event_id(session_id)))
              or (select private.is_steering()));
create policy "Organisers and steering can remove presenters" on public.session_presenters
  for delete to authenticated
  using ((select private.is_event_organiser(private.session_event_id(session_id)))
         or (select private.is_steering()));

-- session_outputs
create policy "Anyone can see outputs linked to sessions they can see" on public.session_outputs
  for select to anon, authenticated
  using (exists (select 1 from public.event_sessions s where s.id = session_id)
         and exists (select 1 from public.outputs o where o.id = output_id));
create policy "Organisers, presenters and steering can link outputs" on public.session_outputs
  for insert to authenticated
  with check ((select private.can_edit_session(session_id)) or (select private.is_steering()));
create policy "Organisers, presenters and steering can unlink outputs" on public.session_outputs
  for delete to authenticated
  using ((select private.can_edit_session(session_id)) or (select private.is_steering()));

-- pitches
create policy "Anyone can read pitches for events they can see" on public.pitches
  for select to anon, authenticated
  using (exists (select 1 from public.events e where e.id = event_id));
create policy "Members can pitch a session at a published camp" on public.pitches
  for insert to authenticated
  with check (pitched_by = (select auth.uid())
              and exists (select 1 from public.events e
                          where e.id = event_id and e.kind = 'camp' and e.status = 'published'));
create policy "Pitchers, organisers and steering can edit a pitch" on public.pitches
  for update to authenticated
  using (pitched_by = (select auth.uid()) or (select private.is_event_organiser(event_id))
         or (select private.is_steering()))
  with check (pitched_by = (select auth.uid()) or (select private.is_event_organiser(event_id))
              or (select private.is_steering()));
create policy "Steering can delete pitches" on public.pitches
  for delete to authenticated using ((select private.is_steering()));

-- pitch_interests
create policy "Anyone can see interest in pitches they can see" on public.pitch_interests
  for select to anon, authenticated
  using (exists (select 1 from public.pitches p where p.id = pitch_id));
create policy "Members can mark their interest in a pitch" on public.pitch_interests
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and exists (select 1 from public.pitches p where p.id = pitch_id));
create policy "Members can take back their interest" on public.pitch_interests
  for delete to authenticated
  using (user_id = (select auth.uid()) or (select private.is_steering()));

-- registrations: read your own; organisers and steering read the list.
-- Writes go through register_for_event / cancel_registration only.
create policy "Members can read their own registrations and organisers their event's" on public.registrations
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_event_organiser(event_id))
         or (select private.is_steering()));
create policy "Steering can delete registrations" on public.registrations
  for delete to authenticated using ((select private.is_steering()));

-- event_outcomes
create policy "Anyone can read outcome tags of events they can see" on public.event_outcomes
  for select to anon, authenticated
  using (exists (select 1 from public.events e where e.id = event_id));
create policy "Organisers and steering can tag an event" on public.event_outcomes
  for insert to authenticated
  with check ((select private.is_event_organiser(event_id)) or (select private.is_steering()));
create policy "Organisers and steering can untag an event" on public.event_outcomes
  for delete to authenticated
  using ((select private.is_event_organiser(event_id)) or (select private.is_steering()));

-- ---------------------------------------------------------------------------------------
-- Grants
revoke insert, update, delete, truncate, references, trigger on
  public.events, public.event_organisers, public.event_sessions, public.session_presenters,
  public.session_outputs, public.pitches, public.pitch_interests, public.event_outcomes
  from anon;
-- Visitors never read joining details or anyone's registrations.
revoke all on public.event_private_details, public.registrations from anon;
revoke truncate, references, trigger on
  public.events, public.event_organisers, public.event_private_details, public.event_sessions,
  public.session_presenters, public.session_outputs, public.pitches, public.pitch_interests,
  public.registrations, public.event_outcomes
  from authenticated;
-- Registrations change only through the functions below.
revoke insert, update on public.registrations from authenticated;

revoke all on function public.register_for_event(uuid), public.cancel_registration(uuid),
  public.commit_to_pitch(uuid, text, text, uuid, date, public.visibility)
  from public, anon;
grant execute on function public.register_for_event(uuid), public.cancel_registration(uuid),
  public.commit_to_pitch(uuid, text, text, uuid, date, public.visibility)
  to authenticated, service_role;
revoke all on function public.event_attendance(uuid[]) from public;
grant execute on function public.event_attendance(uuid[]) to anon, authenticated, service_role;

revoke all on all functions in schema private from public, anon, authenticated, service_role;
grant execute on function
  private.is_steering(), private.is_admin(), private.london_today(), private.my_organisation_id(),
  private.is_workstream_lead(uuid), private.is_workstream_member(uuid),
  private.owns_commitment(uuid), private.can_edit_output(uuid), private.can_edit_pattern(uuid),
  private.is_event_organiser(uuid), private.can_edit_session(uuid), private.session_event_id(uuid),
  private.is_going(uuid)
  to anon, authenticated, service_role;
