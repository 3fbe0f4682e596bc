-- Members act for themselves (issue 7): nobody places things in a workstream they are not
-- part of, adds people as leads behind their backs, turns someone else's pitch into a
-- commitment, or edits other people's credit on an output. People added by someone else
-- are told (public.notifications) and can leave (the existing delete policy).

-- ---------------------------------------------------------------------------------------
-- Placing a commitment, output, pattern or event in a workstream needs membership of it
-- (or the steering group). A trigger rather than policies: an update policy cannot see the
-- old row, and only a change of workstream_id needs the check (someone who has left a
-- workstream can still edit what they put there).
create or replace function private.can_place_in_workstream(p_workstream_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select p_workstream_id is null
      or (select private.is_workstream_member(p_workstream_id))
      or (select private.is_steering())
$$;

create or replace function private.guard_workstream_placement()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.workstream_id is not null
     and (tg_op = 'INSERT' or new.workstream_id is distinct from old.workstream_id)
     -- No signed-in user: the seed, migrations or the service role.
     and (select auth.uid()) is not null
     and not (select private.can_place_in_workstream(new.workstream_id)) then
    raise exception using
      errcode = '42501',
      message = 'Only members of a workstream can put things in it.',
      hint = 'Join the workstream first, or choose one you are a member of.';
  end if;
  return new;
end;
$$;

create trigger guard_workstream_placement before insert or update of workstream_id on public.commitments
  for each row execute function private.guard_workstream_placement();
create trigger guard_workstream_placement before insert or update of workstream_id on public.outputs
  for each row execute function private.guard_workstream_placement();
create trigger guard_workstream_placement before insert or update of workstream_id on public.patterns
  for each row execute function private.guard_workstream_placement();
create trigger guard_workstream_placement before insert or update of workstream_id on public.events
  for each row execute function private.guard_workstream_placement();

-- ---------------------------------------------------------------------------------------
-- Workstream membership. Leads add people as members only; a lead is made by promoting a
-- member, who has by then been told they were added and could have left. Steering may do
-- either. An update changes the role and nothing else (not whose row it is, or where).
drop policy "Members can join a workstream and leads can add people" on public.workstream_members;
create policy "Members can join a workstream and leads can add people as members" on public.workstream_members
  for insert to authenticated
  with check (
    (user_id = (select auth.uid()) and role = 'member'
     and exists (select 1 from public.workstreams w
                 where w.id = workstream_id and w.status <> 'closed'))
    or (role = 'member' and (select private.is_workstream_lead(workstream_id)))
    or (select private.is_steering())
  );
revoke update on public.workstream_members from authenticated;
grant update (role) on public.workstream_members to authenticated;

-- What someone else did that a member should know about. Written only by triggers.
create table public.notifications (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  actor_id uuid references public.profiles (id) on delete set null,
  verb text not null check (verb in ('added_to_workstream', 'made_workstream_lead')),
  workstream_id uuid references public.workstreams (id) on delete cascade,
  summary text check (char_length(summary) <= 500),
  read_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create trigger touch_row before update on public.notifications
  for each row execute function private.touch_row('notification');
create index notifications_user_id_idx on public.notifications (user_id, created_at desc);
create index notifications_actor_id_idx on public.notifications (actor_id);
create index notifications_workstream_id_idx on public.notifications (workstream_id);

create or replace function private.notify_workstream_member()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  verb text;
begin
  -- Joining, or steering's seed and service-role work: nobody else acted for them.
  if me is null or new.user_id = me then
    return null;
  end if;
  if tg_op = 'INSERT' then
    verb := case when new.role = 'lead' then 'made_workstream_lead' else 'added_to_workstream' end;
  elsif new.role = 'lead' and old.role <> 'lead' then
    verb := 'made_workstream_lead';
  else
    return null;
  end if;
  insert into public.notifications (user_id, actor_id, verb, workstream_id, summary)
  select new.user_id, me, verb, w.id, left(w.title, 500)
  from public.workstreams w where w.id = new.workstream_id;
  return null;
end;
$$;
create trigger notify_member after insert or update of role on public.workstream_members
  for each row execute function private.notify_workstream_member();

alter table public.notifications enable row level security;
create policy "Members can read their own notifications" on public.notifications
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Members can mark their own notifications read" on public.notifications
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "Members can dismiss their own notifications" on public.notifications
  for delete to authenticated using (user_id = (select auth.uid()));
revoke all on public.notifications from anon;
revoke insert, update, truncate, references, trigger on public.notifications from authenticated;
grant update (read_at) on public.notifications to authenticated;

-- ---------------------------------------------------------------------------------------
-- Output credits: contributors manage their own credit row; the output's creator and the
-- leads of its workstream manage the list.
create or replace function private.manages_output_credits(p_output_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.outputs o
    where o.id = p_output_id
      and (o.created_by = (select auth.uid())
           or (o.workstream_id is not null and (select private.is_workstream_lead(o.workstream_id))))
  )
$$;

drop policy "Contributors can add contributors" on public.output_contributors;
drop policy "Contributors can change contributor roles" on public.output_contributors;
drop policy "Contributors can remove contributors" on public.output_contributors;
create policy "The creator, workstream leads and steering can add contributors" on public.output_contributors
  for insert to authenticated
  with check ((select private.manages_output_credits(output_id)) or (select private.is_steering()));
create policy "Contributors can edit their own credit and the creator or leads anyone’s" on public.output_contributors
  for update to authenticated
  using (user_id = (select auth.uid()) or (select private.manages_output_credits(output_id))
         or (select private.is_steering()))
  with check (user_id = (select auth.uid()) or (select private.manages_output_credits(output_id))
              or (select private.is_steering()));
create policy "Contributors can remove their own credit and the creator or leads anyone’s" on public.output_contributors
  for delete to authenticated
  using (user_id = (select auth.uid()) or (select private.manages_output_credits(output_id))
         or (select private.is_steering()));
-- A credit is edited in place (its role); moving it to another output or person is not an edit.
revoke update on public.output_contributors from authenticated;
grant update (role) on public.output_contributors to authenticated;

-- ---------------------------------------------------------------------------------------
-- commit_to_pitch: for the pitch's presenters (whoever pitched it, and the presenters of
-- the session it was scheduled into), the event's organisers and steering. Interest alone
-- is not a say in what someone else's pitch becomes. Otherwise as in 20261127000400.
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
  if not (p.pitched_by = me
          or exists (select 1 from public.session_presenters sp
                     where sp.session_id = p.session_id and sp.user_id = me)
          or private.is_event_organiser(p.event_id) or private.is_steering()) then
    raise exception using errcode = '42501',
      message = 'Only the people presenting a pitch, or the event’s organisers, can turn it into a commitment.',
      hint = 'Watch the commitment once they have made it, or offer to help.';
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

revoke all on function private.can_place_in_workstream(uuid), private.manages_output_credits(uuid),
  private.guard_workstream_placement(), private.notify_workstream_member()
  from public, anon, authenticated, service_role;
grant execute on function private.can_place_in_workstream(uuid), private.manages_output_credits(uuid)
  to anon, authenticated, service_role;
