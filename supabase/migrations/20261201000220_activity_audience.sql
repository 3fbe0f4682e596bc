-- The activity record's audience from the same rules the policies use.
--
-- Who may read a thing was stated twice: in the select policies of each table, and again
-- in private.log_change, which labels each activity row 'public' (visitors too), 'members'
-- (every signed-in member) or 'private' (the actor and the steering group). Each rule is
-- now one predicate in private, used by both: the policies for visitors and members are
-- recreated (same names and meaning) over the predicates, and log_change labels a row
-- with private.audience(<visitors may read it>, <every member may read it>).
--
-- One change of meaning, where the two had drifted apart: activity about an archived
-- commitment was labelled 'members', though members cannot read archived commitments
-- (only the owner and steering can). It is now 'private', like the commitment, and
-- archiving takes the commitment's earlier activity with it, as unpublishing an output
-- always did.
--
-- Live definitions of private.log_change and private.log_left_workstream (were in
-- 20261127000500; the triggers calling them stay).
-- The predicates are plain SQL over their arguments, with no settings, so Postgres inlines
-- them into the policies (no per-row call; the same plans as before).

create or replace function private.audience(p_visitors boolean, p_members boolean)
returns text
language sql
immutable
parallel safe
as $$
  select case when p_visitors then 'public' when p_members then 'members' else 'private' end
$$;

-- Workstreams: visitors read active and closed ones; members read all.
create or replace function private.workstream_is_public(p_status public.workstream_status)
returns boolean
language sql
immutable
parallel safe
as $$
  select p_status in ('active', 'closed')
$$;

-- Commitments: visitors read public, unarchived ones; members every unarchived one (and
-- their own archived ones: the policy adds the owner and steering).
create or replace function private.commitment_is_public(
  p_visibility public.visibility,
  p_archived_at timestamptz
)
returns boolean
language sql
immutable
parallel safe
as $$
  select p_visibility = 'public' and p_archived_at is null
$$;

create or replace function private.commitment_is_listed(p_archived_at timestamptz)
returns boolean
language sql
immutable
parallel safe
as $$
  select p_archived_at is null
$$;

-- Outputs and patterns: anyone reads published ones; drafts and archived ones only the
-- people working on them (the policies name them) and steering.
create or replace function private.content_is_public(p_status public.content_status)
returns boolean
language sql
immutable
parallel safe
as $$
  select p_status = 'published'
$$;

-- Events: anyone reads published ones; members cancelled ones too; drafts their organisers.
create or replace function private.event_is_public(p_status public.event_status)
returns boolean
language sql
immutable
parallel safe
as $$
  select p_status = 'published'
$$;

create or replace function private.event_is_listed(p_status public.event_status)
returns boolean
language sql
immutable
parallel safe
as $$
  select p_status in ('published', 'cancelled')
$$;

revoke all on function
  private.audience(boolean, boolean),
  private.workstream_is_public(public.workstream_status),
  private.commitment_is_public(public.visibility, timestamptz),
  private.commitment_is_listed(timestamptz),
  private.content_is_public(public.content_status),
  private.event_is_public(public.event_status),
  private.event_is_listed(public.event_status)
  from public;
grant execute on function
  private.audience(boolean, boolean),
  private.workstream_is_public(public.workstream_status),
  private.commitment_is_public(public.visibility, timestamptz),
  private.commitment_is_listed(timestamptz),
  private.content_is_public(public.content_status),
  private.event_is_public(public.event_status),
  private.event_is_listed(public.event_status)
  to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- The read policies, over the predicates (names and meaning as before).
drop policy "Anyone can read active and closed workstreams" on public.workstreams;
create policy "Anyone can read active and closed workstreams" on public.workstreams
  for select to anon using (private.workstream_is_public(status));

drop policy "Anyone can see who is in a public workstream" on public.workstream_members;
create policy "Anyone can see who is in a public workstream" on public.workstream_members
  for select to anon
  using (exists (select 1 from public.workstreams w
                 where w.id = workstream_id and private.workstream_is_public(w.status)));

drop policy "Anyone can read public commitments" on public.commitments;
create policy "Anyone can read public commitments" on public.commitments
  for select to anon using (private.commitment_is_public(visibility, archived_at));
drop policy "Members can read commitments" on public.commitments;
create policy "Members can read commitments" on public.commitments
  for select to authenticated
  using (private.commitment_is_listed(archived_at) or owner_id = (select auth.uid())
         or (select private.is_steering()));

drop policy "Anyone can read published outputs" on public.outputs;
create policy "Anyone can read published outputs" on public.outputs
  for select to anon using (private.content_is_public(status));
-- created_by is checked on the row itself as well as through the helper: during
-- INSERT ... RETURNING the new row is not yet visible to the helper's lookup.
drop policy "Members can read published outputs and their own drafts" on public.outputs;
create policy "Members can read published outputs and their own drafts" on public.outputs
  for select to authenticated
  using (private.content_is_public(status) or created_by = (select auth.uid())
         or (select private.can_edit_output(id)) or (select private.is_steering()));

drop policy "Anyone can read published patterns" on public.patterns;
create policy "Anyone can read published patterns" on public.patterns
  for select to anon using (private.content_is_public(status));
drop policy "Members can read published patterns and their own drafts" on public.patterns;
create policy "Members can read published patterns and their own drafts" on public.patterns
  for select to authenticated
  using (private.content_is_public(status) or created_by = (select auth.uid())
         or (select private.can_edit_pattern(id)) or (select private.is_steering()));

drop policy "Anyone can read published events" on public.events;
create policy "Anyone can read published events" on public.events
  for select to anon using (private.event_is_public(status));
-- created_by on the row too: during INSERT ... RETURNING the organiser row does not exist yet.
drop policy "Members can read published and cancelled events and ones they organise" on public.events;
create policy "Members can read published and cancelled events and ones they organise" on public.events
  for select to authenticated
  using (private.event_is_listed(status) or created_by = (select auth.uid())
         or (select private.is_event_organiser(id)) or (select private.is_steering()));

-- ---------------------------------------------------------------------------------------
-- The logging trigger function: inserts and status changes become readable activity;
-- plain edits are logged at most once per person per thing per 15 minutes; hard deletes
-- (steering only) are always logged, visible to steering. Replaced in place, so the
-- triggers 20261127000500 made keep calling it; this is its one definition to read.
create or replace function private.log_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  r jsonb := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  o jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) else null end;
  me uuid := (select auth.uid());
  actor uuid;
  v_verb text;
  v_subject_id uuid;
  v_subject_table text := tg_table_name;
  v_title text;
  ws uuid;
  v_audience text := 'members';
  pub boolean;
  v_at timestamptz := null;
  parent record;
begin
  -- Changes made by another trigger (a check-in moving its commitment, the creator
  -- becoming lead) are covered by the row that caused them. A profile is always made by
  -- the trigger on auth.users: that one counts.
  -- Rows removed by a cascade go with the deletion that is already logged.
  if pg_trigger_depth() > 1 and tg_table_name <> 'profiles' then
    return null;
  end if;

  actor := coalesce(me, (r ->> 'created_by')::uuid, (r ->> 'owner_id')::uuid,
                    (r ->> 'author_id')::uuid, (r ->> 'pitched_by')::uuid,
                    (r ->> 'user_id')::uuid);
  v_subject_id := (r ->> 'id')::uuid;
  v_title := coalesce(r ->> 'title', r ->> 'display_name', r ->> 'name');
  ws := (r ->> 'workstream_id')::uuid;
  if tg_op = 'INSERT' then
    v_at := (r ->> 'created_at')::timestamptz; -- so a backdated row is logged when it happened
  end if;

  if tg_op = 'DELETE' then
    perform private.log_activity('deleted', v_subject_table, v_subject_id,
      format('Deleted from %s: %s', replace(v_subject_table, '_', ' '), coalesce(v_title, v_subject_id::text, 'a row')),
      null, me, 'private');
    return null;
  end if;

  case tg_table_name
    when 'workstreams' then
      ws := v_subject_id;
      v_audience := private.audience(
        private.workstream_is_public((r ->> 'status')::public.workstream_status), true);
      v_verb := case when tg_op = 'INSERT' then (case when r ->> 'status' = 'proposed' then 'proposed' else 'created' end)
                   when r ->> 'status' is distinct from o ->> 'status' then r ->> 'status'
                   else 'updated' end;
    when 'workstream_members' then
      ws := (r ->> 'workstream_id')::uuid;
      v_subject_table := 'workstreams';
      v_subject_id := ws;
      select w.title, w.status into parent from public.workstreams w where w.id = ws;
      v_title := parent.title;
      v_audience := private.audience(private.workstream_is_public(parent.status), true);
      if tg_op = 'INSERT' then
        v_verb := 'joined';
      elsif r ->> 'role' is distinct from o ->> 'role' then
        v_verb := case when r ->> 'role' = 'lead' then 'became_lead' else 'stepped_down' end;
      else
        return null;
      end if;
    when 'commitments' then
      v_audience := private.audience(
        private.commitment_is_public((r ->> 'visibility')::public.visibility, (r ->> 'archived_at')::timestamptz),
        private.commitment_is_listed((r ->> 'archived_at')::timestamptz));
      v_verb := case when tg_op = 'INSERT' then 'committed'
                   when r ->> 'archived_at' is not null and o ->> 'archived_at' is null then 'archived'
                   when r ->> 'status' is distinct from o ->> 'status' then r ->> 'status'
                   else 'updated' end;
    when 'check_ins' then
      select c.title, c.workstream_id, c.visibility, c.archived_at into parent
      from public.commitments c where c.id = (r ->> 'commitment_id')::uuid;
      v_subject_table := 'commitments';
      v_subject_id := (r ->> 'commitment_id')::uuid;
      v_title := parent.title;
      ws := parent.workstream_id;
      v_audience := private.audience(private.commitment_is_public(parent.visibility, parent.archived_at),
                                     private.commitment_is_listed(parent.archived_at));
      if tg_op <> 'INSERT' then
        return null; -- editing a note's wording is not news
      end if;
      v_verb := case when r ->> 'status_to' is not null and r ->> 'status_to' is distinct from r ->> 'status_from'
                   then 'checked_in_' || (r ->> 'status_to') else 'checked_in' end;
    when 'commitment_watchers' then
      select c.title, c.workstream_id, c.archived_at into parent
      from public.commitments c where c.id = (r ->> 'commitment_id')::uuid;
      v_subject_table := 'commitments';
      v_subject_id := (r ->> 'commitment_id')::uuid;
      v_title := parent.title;
      ws := parent.workstream_id;
      -- Visitors never see who watches (no policy for them); members as the commitment.
      v_audience := private.audience(false, private.commitment_is_listed(parent.archived_at));
      if tg_op <> 'INSERT' then
        return null;
      end if;
      v_verb := case when r ->> 'kind' = 'offer_help' then 'offered_help' else 'watched' end;
    when 'outputs', 'patterns' then
      pub := private.content_is_public((r ->> 'status')::public.content_status);
      v_audience := private.audience(pub, pub);
      v_verb := case when tg_op = 'INSERT' then (case when r ->> 'status' = 'published' then 'published' else 'drafted' end)
                   when r ->> 'status' is distinct from o ->> 'status' then r ->> 'status'
                   else 'updated' end;
    when 'output_reuses' then
      select x.title, x.workstream_id, x.status into parent
      from public.outputs x where x.id = (r ->> 'output_id')::uuid;
      v_subject_table := 'outputs';
      v_subject_id := (r ->> 'output_id')::uuid;
      v_title := parent.title;
      ws := parent.workstream_id;
      pub := private.content_is_public(parent.status);
      v_audience := private.audience(pub, pub);
      if tg_op <> 'INSERT' then
        return null;
      end if;
      v_verb := 'reused';
    when 'pattern_adoptions' then
      select x.title, x.workstream_id, x.status into parent
      from public.patterns x where x.id = (r ->> 'pattern_id')::uuid;
      v_subject_table := 'patterns';
      v_subject_id := (r ->> 'pattern_id')::uuid;
      v_title := parent.title;
      ws := parent.workstream_id;
      pub := private.content_is_public(parent.status);
      v_audience := private.audience(pub, pub);
      if tg_op <> 'INSERT' then
        return null;
      end if;
      v_verb := 'adopted';
    when 'events' then
      v_audience := private.audience(
        private.event_is_public((r ->> 'status')::public.event_status),
        private.event_is_listed((r ->> 'status')::public.event_status));
      v_verb := case when tg_op = 'INSERT' then (case when r ->> 'status' = 'published' then 'published' else 'drafted' end)
                   when r ->> 'status' is distinct from o ->> 'status' then r ->> 'status'
                   else 'updated' end;
    when 'pitches' then
      select e.title, e.workstream_id, e.status into parent
      from public.events e where e.id = (r ->> 'event_id')::uuid;
      ws := parent.workstream_id;
      v_audience := private.audience(private.event_is_public(parent.status),
                                     private.event_is_listed(parent.status));
      v_verb := case when tg_op = 'INSERT' then 'pitched'
                   when r ->> 'commitment_id' is not null and o ->> 'commitment_id' is null then 'became_commitment'
                   when r ->> 'withdrawn_at' is not null and o ->> 'withdrawn_at' is null then 'withdrawn'
                   else null end;
      if v_verb is null then
        return null;
      end if;
      v_title := format('%s (at %s)', r ->> 'title', parent.title);
    when 'profiles' then
      if tg_op <> 'INSERT' then
        return null;
      end if;
      actor := v_subject_id;
      v_verb := 'joined_network';
      v_audience := 'members';
    when 'organisations', 'outcomes' then
      v_audience := 'public';
      v_verb := case when tg_op = 'INSERT' then 'created' else 'updated' end;
    else
      v_verb := lower(tg_op);
  end case;

  -- A thing that became less visible (a commitment made members-only or archived, an
  -- output unpublished, a workstream paused, an event cancelled) takes its earlier
  -- activity with it: visitors must not read about what they can no longer see. Widening
  -- never relabels old rows (a draft's private history stays private).
  if tg_op = 'UPDATE' and v_audience <> 'public'
     and tg_table_name in ('workstreams', 'commitments', 'outputs', 'patterns', 'events') then
    update public.activity a
    set audience = v_audience
    where a.subject_id = v_subject_id and a.subject_table = v_subject_table
      and (a.audience = 'public' or (v_audience = 'private' and a.audience = 'members'));
  end if;

  -- Plain edits: once per person per thing per 15 minutes is enough for a feed.
  if v_verb = 'updated' and exists (
    select 1 from public.activity a
    where a.subject_id = v_subject_id and a.actor_id is not distinct from actor
      and a.verb = 'updated' and a.created_at > now() - interval '15 minutes'
  ) then
    return null;
  end if;

  perform private.log_activity(v_verb, v_subject_table, v_subject_id, v_title, ws, actor, v_audience, v_at);
  return null;
end;
$$;

comment on function private.log_change() is
  'Live definition: supabase/migrations/20261201000220_activity_audience.sql';
revoke all on function private.log_change() from public, anon, authenticated, service_role;

-- Leaving a workstream is news to whoever may read the workstream (see 000500).
create or replace function private.log_left_workstream()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  w record;
begin
  select ws.title, ws.status into w from public.workstreams ws where ws.id = old.workstream_id;
  -- Not when the workstream or the person is being deleted (a cascade): nothing to tell.
  if found and exists (select 1 from public.profiles p where p.id = old.user_id) then
    perform private.log_activity('left', 'workstreams', old.workstream_id, w.title, old.workstream_id,
      old.user_id,
      private.audience(private.workstream_is_public(w.status), true));
  end if;
  return null;
end;
$$;
comment on function private.log_left_workstream() is
  'Live definition: supabase/migrations/20261201000220_activity_audience.sql';
revoke all on function private.log_left_workstream() from public, anon, authenticated, service_role;
