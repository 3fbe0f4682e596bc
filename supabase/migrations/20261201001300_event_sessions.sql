-- Sessions that lead somewhere (issue 10): offers to show at show-and-tells, pitches placed
-- in a camp's grid of rooms x time blocks, clashes flagged, notes ending with "what next",
-- and a session's "what next" turned into a commitment its interested people watch.
--
-- Every change that writes more than one row is one function. Those that act only within
-- the caller's rights are `security invoker` (RLS decides); commit_to_session is `security
-- definer`, like commit_to_pitch, because it makes other people watchers.

-- ---------------------------------------------------------------------------------------
-- Notes, what next, and the commitments a session shows or became.
alter table public.event_sessions
  add column what_next text check (char_length(what_next) <= 5000),
  -- The commitment this session's "what next" became (only through commit_to_session).
  add column commitment_id uuid references public.commitments (id) on delete set null,
  -- A commitment the slot reports progress on (a show-and-tell offer can name one).
  add column shows_commitment_id uuid references public.commitments (id) on delete set null;
create index event_sessions_commitment_id_idx on public.event_sessions (commitment_id);
create index event_sessions_shows_commitment_id_idx on public.event_sessions (shows_commitment_id);

-- People who were there (registered going) write notes too, but only the notes: the
-- title, place and time stay the organisers' and presenters'.
create policy "People going can write a session's notes" on public.event_sessions
  for update to authenticated
  using ((select private.is_going(event_id)))
  with check ((select private.is_going(event_id)));

create or replace function private.guard_session()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null or (select private.is_steering()) then
    return new;
  end if;
  if new.commitment_id is distinct from old.commitment_id
     and (new.commitment_id is null or not (select private.owns_commitment(new.commitment_id))) then
    raise exception using
      errcode = '42501',
      message = 'A session can only become a commitment of your own.',
      hint = 'Use “Make this a commitment” on the session.';
  end if;
  if (select private.can_edit_session(old.id)) then
    return new;
  end if;
  if (new.title, new.description, new.room, new.starts_at, new.ends_at, new.shows_commitment_id)
     is distinct from
     (old.title, old.description, old.room, old.starts_at, old.ends_at, old.shows_commitment_id) then
    raise exception using
      errcode = '42501',
      message = 'Only the organisers and presenters can change a session’s title, room or time.',
      hint = 'You can write its notes and what next.';
  end if;
  return new;
end;
$$;
create trigger guard_session before update on public.event_sessions
  for each row execute function private.guard_session();

-- ---------------------------------------------------------------------------------------
-- Offers to show ("I'd like to show ...") at show-and-tells and other events with slots.
-- Camps have pitches instead. See docs/decisions/2026-12-01-offers-to-show.md.
create type public.show_offer_status as enum ('open', 'accepted', 'declined', 'withdrawn');

create table public.show_offers (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  offered_by uuid not null references public.profiles (id) on delete cascade default auth.uid(),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  description text check (char_length(description) <= 2000),
  output_id uuid references public.outputs (id) on delete set null,
  commitment_id uuid references public.commitments (id) on delete set null,
  status public.show_offer_status not null default 'open',
  session_id uuid references public.event_sessions (id) on delete set null, -- once accepted
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index show_offers_event_id_idx on public.show_offers (event_id, status);
create index show_offers_offered_by_idx on public.show_offers (offered_by);
create index show_offers_output_id_idx on public.show_offers (output_id);
create index show_offers_commitment_id_idx on public.show_offers (commitment_id);
create index show_offers_session_id_idx on public.show_offers (session_id);
create trigger touch_row before update on public.show_offers
  for each row execute function private.touch_row('offer');
create trigger keep_owner before update on public.show_offers
  for each row execute function private.keep_owner('offer', 'offered_by', 'event_id');

-- The person offering edits or withdraws an open offer; only organisers accept or decline.
create or replace function private.guard_show_offer()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null or (select private.is_steering())
     or (select private.is_event_organiser(new.event_id)) then
    return new;
  end if;
  if old.status <> 'open' then
    raise exception using
      errcode = '42501',
      message = 'This offer has been decided and can no longer be changed.',
      hint = 'Make a new offer if you would like to show something else.';
  end if;
  if new.status not in ('open', 'withdrawn') or new.session_id is distinct from old.session_id then
    raise exception using
      errcode = '42501',
      message = 'Only the organisers can accept or decline an offer.',
      hint = 'You can change or withdraw your offer.';
  end if;
  return new;
end;
$$;
create trigger guard_show_offer before update on public.show_offers
  for each row execute function private.guard_show_offer();

alter table public.show_offers enable row level security;
create policy "Members can read their own offers and organisers their event's" on public.show_offers
  for select to authenticated
  using (offered_by = (select auth.uid()) or (select private.is_event_organiser(event_id))
         or (select private.is_steering()));
create policy "Members can offer to show at a published event with slots" on public.show_offers
  for insert to authenticated
  with check (offered_by = (select auth.uid()) and status = 'open' and session_id is null
              and exists (select 1 from public.events e
                          where e.id = event_id and e.kind <> 'camp' and e.status = 'published'
                            and e.ends_at > now()));
create policy "People offering, organisers and steering can change an offer" on public.show_offers
  for update to authenticated
  using (offered_by = (select auth.uid()) or (select private.is_event_organiser(event_id))
         or (select private.is_steering()))
  with check (offered_by = (select auth.uid()) or (select private.is_event_organiser(event_id))
              or (select private.is_steering()));
create policy "Steering can delete offers" on public.show_offers
  for delete to authenticated using ((select private.is_steering()));

revoke all on public.show_offers from anon;
revoke truncate, references, trigger on public.show_offers from authenticated;

-- ---------------------------------------------------------------------------------------
-- Clashes: a presenter in two places at once (any two of their sessions whose times
-- overlap, in this event or another), or two sessions in one room at once. Flagged for
-- the organisers, not refused: on the day the grid is rearranged as people ask.
create or replace function public.session_clashes(p_event_slug text)
returns table (
  session_id uuid,
  kind text,
  presenter_name text,
  other_session_id uuid,
  other_title text,
  other_event_slug text
)
language sql
stable
security invoker
set search_path = ''
as $$
  with mine as (
    select s.* from public.event_sessions s
    join public.events e on e.id = s.event_id
    where e.slug = p_event_slug and s.starts_at is not null
  )
  select m.id, 'presenter', pr.display_name, o.id, o.title, oe.slug
  from mine m
  join public.session_presenters mp on mp.session_id = m.id
  join public.session_presenters op on op.user_id = mp.user_id and op.session_id <> m.id
  join public.event_sessions o on o.id = op.session_id and o.starts_at is not null
  join public.events oe on oe.id = o.event_id and oe.status <> 'cancelled'
  left join public.profiles pr on pr.id = mp.user_id
  where tstzrange(m.starts_at, coalesce(m.ends_at, m.starts_at + interval '1 minute'))
        && tstzrange(o.starts_at, coalesce(o.ends_at, o.starts_at + interval '1 minute'))
  union all
  select m.id, 'room', null, o.id, o.title, p_event_slug
  from mine m
  join mine o on o.id <> m.id and o.room = m.room
  where tstzrange(m.starts_at, coalesce(m.ends_at, m.starts_at + interval '1 minute'))
        && tstzrange(o.starts_at, coalesce(o.ends_at, o.starts_at + interval '1 minute'))
  order by 1, 2, 5
$$;

-- ---------------------------------------------------------------------------------------
-- "I'd go": marks or unmarks the caller's interest in a pitch. Returns whether they are
-- now interested.
create or replace function public.toggle_pitch_interest(p_pitch_id uuid)
returns boolean
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  if me is null then
    raise exception using errcode = '42501', message = 'Sign in to say you would go.';
  end if;
  delete from public.pitch_interests i where i.pitch_id = p_pitch_id and i.user_id = me;
  if found then
    return false;
  end if;
  if exists (select 1 from public.pitches p where p.id = p_pitch_id and p.withdrawn_at is not null) then
    raise exception using errcode = 'PT409', message = 'This pitch has been withdrawn.',
      hint = 'Choose another pitch on the board.';
  end if;
  insert into public.pitch_interests (pitch_id, user_id) values (p_pitch_id, me)
  on conflict do nothing;
  return true;
end;
$$;

-- Organisers put a pitch in the grid: a session in a room and time block, its pitcher
-- as presenter. A pitch already in the grid moves.
create or replace function public.place_pitch(
  p_pitch_id uuid,
  p_room text,
  p_starts_at timestamptz,
  p_ends_at timestamptz
)
returns uuid
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  p public.pitches;
  v_session uuid;
begin
  select * into p from public.pitches where id = p_pitch_id;
  if not found then
    raise exception using errcode = 'P0002', message = 'That pitch does not exist.';
  end if;
  if not ((select private.is_event_organiser(p.event_id)) or (select private.is_steering())) then
    raise exception using errcode = '42501',
      message = 'Only the organisers can put a pitch in the session grid.',
      hint = 'Ask the organisers to schedule it.';
  end if;
  if p.withdrawn_at is not null then
    raise exception using errcode = 'PT409', message = 'This pitch has been withdrawn.',
      hint = 'Choose another pitch on the board.';
  end if;
  if p.session_id is null then
    insert into public.event_sessions (event_id, title, description, room, starts_at, ends_at)
    values (p.event_id, p.title, p.description, btrim(p_room), p_starts_at, p_ends_at)
    returning id into v_session;
    if p.pitched_by is not null then
      insert into public.session_presenters (session_id, user_id)
      values (v_session, p.pitched_by) on conflict do nothing;
    end if;
    update public.pitches set session_id = v_session where id = p.id;
  else
    update public.event_sessions s
    set room = btrim(p_room), starts_at = p_starts_at, ends_at = p_ends_at
    where s.id = p.session_id
    returning s.id into v_session;
  end if;
  return v_session;
end;
$$;

-- Organisers accept an offer into a slot: an open slot of the event (no presenter yet), or
-- a new one at the given time. The slot takes the offer's title, the person offering
-- presents it, the output is linked, the offer is marked accepted, and they are told by
-- email: all in one transaction. Returns the session's id.
create or replace function public.accept_show_offer(
  p_offer_id uuid,
  p_session_id uuid default null,
  p_starts_at timestamptz default null,
  p_ends_at timestamptz default null
)
returns uuid
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  o public.show_offers;
  e public.events;
  s public.event_sessions;
begin
  select * into o from public.show_offers where id = p_offer_id;
  if not found then
    raise exception using errcode = 'P0002', message = 'That offer does not exist.';
  end if;
  if not ((select private.is_event_organiser(o.event_id)) or (select private.is_steering())) then
    raise exception using errcode = '42501',
      message = 'Only the organisers can accept an offer to show.';
  end if;
  -- Two organisers accepting at once: the second waits, then sees it decided.
  select * into o from public.show_offers where id = p_offer_id for update;
  if o.status <> 'open' then
    raise exception using errcode = 'PT409',
      message = format('This offer has already been %s.', o.status),
      hint = 'Check the offers and slots again.';
  end if;
  select * into e from public.events where id = o.event_id;

  if p_session_id is not null then
    update public.event_sessions x
    set title = o.title, description = coalesce(o.description, x.description),
        shows_commitment_id = coalesce(o.commitment_id, x.shows_commitment_id)
    where x.id = p_session_id and x.event_id = o.event_id
      and not exists (select 1 from public.session_presenters sp where sp.session_id = x.id)
    returning x.* into s;
    if s.id is null then
      raise exception using errcode = 'PT409',
        message = 'That slot already has a presenter.',
        hint = 'Choose another slot, or give a time for a new one.';
    end if;
  else
    if p_starts_at is null then
      raise exception using errcode = '22023',
        message = 'Choose an open slot or give a start time for a new one.';
    end if;
    insert into public.event_sessions (event_id, title, description, starts_at, ends_at, shows_commitment_id)
    values (o.event_id, o.title, o.description, p_starts_at, p_ends_at, o.commitment_id)
    returning * into s;
  end if;

  insert into public.session_presenters (session_id, user_id) values (s.id, o.offered_by)
  on conflict do nothing;
  if o.output_id is not null then
    insert into public.session_outputs (session_id, output_id) values (s.id, o.output_id)
    on conflict do nothing;
  end if;
  update public.show_offers
  set status = 'accepted', session_id = s.id, decided_at = now()
  where id = o.id;

  perform private.enqueue_email(o.offered_by, 'offer_accepted', 'offer_accepted:' || s.id,
    jsonb_build_object('event_id', e.id, 'event_title', e.title, 'event_slug', e.slug,
                       'session_id', s.id, 'session_title', s.title,
                       'starts_at', coalesce(s.starts_at, e.starts_at)));
  return s.id;
end;
$$;

-- Whether the caller may write a session's notes: its presenters, the event's organisers,
-- the steering group and the people going.
create or replace function public.can_write_session_notes(p_session_id uuid)
returns boolean
language sql
stable
security invoker
set search_path = ''
as $$
  select (select auth.uid()) is not null and (
    (select private.can_edit_session(p_session_id)) or (select private.is_steering())
    or (select private.is_going(private.session_event_id(p_session_id))))
$$;

-- A session's "what next" becomes a commitment: anyone signed in may make it (it is
-- theirs); the people who said they'd go to its pitch, and its presenters, watch it.
create or replace function public.commit_to_session(
  p_session_id uuid,
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
  s public.event_sessions;
  c public.commitments;
begin
  if me is null then
    raise exception using errcode = '42501', message = 'Sign in to make a commitment.';
  end if;
  select x.* into s from public.event_sessions x
  join public.events e on e.id = x.event_id
  where x.id = p_session_id
    and (e.status in ('published', 'cancelled') or private.is_event_organiser(e.id)
         or private.is_steering())
  for update of x;
  if not found then
    raise exception using errcode = 'P0002', message = 'That session does not exist.';
  end if;
  if nullif(btrim(s.what_next), '') is null then
    raise exception using errcode = '22023',
      message = 'This session has no “what next” yet.',
      hint = 'Add one to its notes first.';
  end if;
  if s.commitment_id is not null then
    raise exception using errcode = 'PT409',
      message = 'This session’s what next has already become a commitment.',
      hint = 'Watch or offer help on that commitment instead.';
  end if;

  insert into public.commitments (owner_id, workstream_id, title, so_that, due_on, visibility, description)
  values (me, p_workstream_id, coalesce(nullif(btrim(p_title), ''), left(s.title, 200)), p_so_that,
          p_due_on, p_visibility, s.what_next)
  returning * into c;

  insert into public.commitment_watchers (commitment_id, user_id, kind, note)
  select c.id, u.user_id, 'watch', 'Interested in the session'
  from (select i.user_id from public.pitch_interests i
        join public.pitches p on p.id = i.pitch_id
        where p.session_id = s.id
        union select p.pitched_by from public.pitches p where p.session_id = s.id
        union select sp.user_id from public.session_presenters sp where sp.session_id = s.id) u
  where u.user_id is not null and u.user_id <> me
  on conflict do nothing;

  update public.event_sessions set commitment_id = c.id where id = s.id;
  update public.pitches set commitment_id = c.id where session_id = s.id and commitment_id is null;
  return c;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Grants
revoke all on function public.session_clashes(text) from public;
grant execute on function public.session_clashes(text) to anon, authenticated, service_role;
revoke all on function public.toggle_pitch_interest(uuid), public.place_pitch(uuid, text, timestamptz, timestamptz),
  public.accept_show_offer(uuid, uuid, timestamptz, timestamptz), public.can_write_session_notes(uuid),
  public.commit_to_session(uuid, text, text, uuid, date, public.visibility)
  from public, anon;
grant execute on function public.toggle_pitch_interest(uuid), public.place_pitch(uuid, text, timestamptz, timestamptz),
  public.accept_show_offer(uuid, uuid, timestamptz, timestamptz), public.can_write_session_notes(uuid),
  public.commit_to_session(uuid, text, text, uuid, date, public.visibility)
  to authenticated, service_role;
revoke all on function private.guard_session(), private.guard_show_offer()
  from public, anon, authenticated, service_role;
