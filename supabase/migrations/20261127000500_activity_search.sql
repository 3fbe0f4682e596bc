-- Activity (append-only, written by triggers), full-text search across public things,
-- and the views the commitments and steering pages read.

-- ---------------------------------------------------------------------------------------
-- Activity: who did what to which thing, when. Written only by triggers and security
-- definer functions (private.log_activity); nobody updates or deletes it.
-- audience: who may read the row: 'public' (anyone), 'members' (signed in),
-- 'private' (the actor and the steering group: drafts, registrations, hard deletes).
create table public.activity (
  id bigint generated always as identity primary key,
  actor_id uuid references public.profiles (id) on delete set null,
  verb text not null check (char_length(verb) <= 40),
  subject_table text not null check (char_length(subject_table) <= 63),
  subject_id uuid,
  summary text check (char_length(summary) <= 500),
  workstream_id uuid references public.workstreams (id) on delete set null,
  audience text not null default 'members' check (audience in ('public', 'members', 'private')),
  created_at timestamptz not null default now()
);
create index activity_created_at_idx on public.activity (created_at desc);
create index activity_actor_id_idx on public.activity (actor_id, created_at desc);
create index activity_workstream_id_idx on public.activity (workstream_id, created_at desc);
create index activity_subject_idx on public.activity (subject_id, created_at desc);

-- The helper from 20261127000100 now has its table; give it the audience too.
drop function private.log_activity(text, text, uuid, text, uuid, uuid);
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

-- One logging trigger for the main tables. Inserts and status changes become readable
-- activity; plain edits are logged at most once per person per thing per 15 minutes;
-- hard deletes (steering only) are always logged, visible to steering.
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
      v_audience := case when r ->> 'status' in ('active', 'closed') then 'public' else 'members' end;
      v_verb := case when tg_op = 'INSERT' then (case when r ->> 'status' = 'proposed' then 'proposed' else 'created' end)
                   when r ->> 'status' is distinct from o ->> 'status' then r ->> 'status'
                   else 'updated' end;
    when 'workstream_members' then
      ws := (r ->> 'workstream_id')::uuid;
      v_subject_table := 'workstreams';
      v_subject_id := ws;
      select w.title, w.status into parent from public.workstreams w where w.id = ws;
      v_title := parent.title;
      v_audience := case when parent.status in ('active', 'closed') then 'public' else 'members' end;
      if tg_op = 'INSERT' then
        v_verb := 'joined';
      elsif r ->> 'role' is distinct from o ->> 'role' then
        v_verb := case when r ->> 'role' = 'lead' then 'became_lead' else 'stepped_down' end;
      else
        return null;
      end if;
    when 'commitments' then
      v_audience := case when r ->> 'visibility' = 'public' and r ->> 'archived_at' is null
                       then 'public' else 'members' end;
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
      v_audience := case when parent.visibility = 'public' and parent.archived_at is null
                       then 'public' else 'members' end;
      if tg_op <> 'INSERT' then
        return null; -- editing a note's wording is not news
      end if;
      v_verb := case when r ->> 'status_to' is not null and r ->> 'status_to' is distinct from r ->> 'status_from'
                   then 'checked_in_' || (r ->> 'status_to') else 'checked_in' end;
    when 'commitment_watchers' then
      select c.title, c.workstream_id into parent
      from public.commitments c where c.id = (r ->> 'commitment_id')::uuid;
      v_subject_table := 'commitments';
      v_subject_id := (r ->> 'commitment_id')::uuid;
      v_title := parent.title;
      ws := parent.workstream_id;
      v_audience := 'members';
      if tg_op <> 'INSERT' then
        return null;
      end if;
      v_verb := case when r ->> 'kind' = 'offer_help' then 'offered_help' else 'watched' end;
    when 'outputs', 'patterns' then
      v_audience := case when r ->> 'status' = 'published' then 'public' else 'private' end;
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
      v_audience := case when parent.status = 'published' then 'public' else 'private' end;
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
      v_audience := case when parent.status = 'published' then 'public' else 'private' end;
      if tg_op <> 'INSERT' then
        return null;
      end if;
      v_verb := 'adopted';
    when 'events' then
      v_audience := case r ->> 'status' when 'published' then 'public'
                                      when 'cancelled' then 'members' else 'private' end;
      v_verb := case when tg_op = 'INSERT' then (case when r ->> 'status' = 'published' then 'published' else 'drafted' end)
                   when r ->> 'status' is distinct from o ->> 'status' then r ->> 'status'
                   else 'updated' end;
    when 'pitches' then
      select e.title, e.workstream_id, e.status into parent
      from public.events e where e.id = (r ->> 'event_id')::uuid;
      ws := parent.workstream_id;
      v_audience := case when parent.status = 'published' then 'public' else 'private' end;
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

-- Every main table: inserts, updates, hard deletes.
do $$
declare
  t text;
begin
  foreach t in array array[
    'organisations', 'profiles', 'outcomes', 'workstreams', 'workstream_members', 'commitments',
    'check_ins', 'commitment_watchers', 'outputs', 'output_reuses', 'patterns',
    'pattern_adoptions', 'events', 'pitches'
  ] loop
    execute format(
      'create trigger log_change after insert or update or delete on public.%I
         for each row execute function private.log_change()', t);
  end loop;
  -- Tables where only removal is worth recording (hard deletes by steering, or by owners
  -- of small records such as interest marks are not logged: only steering deletes).
  foreach t in array array[
    'network_roles', 'workstream_outcomes', 'commitment_outcomes', 'output_contributors',
    'output_outcomes', 'pattern_examples', 'pattern_outcomes', 'event_organisers',
    'event_private_details', 'event_sessions', 'session_presenters', 'session_outputs',
    'pitch_interests', 'registrations', 'event_outcomes'
  ] loop
    execute format(
      'create trigger log_delete after delete on public.%I
         for each row when (private.is_steering())
         execute function private.log_change()', t);
  end loop;
end
$$;

-- Leaving a workstream is news to its members; other small deletions are not logged.
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
      case when w.status in ('active', 'closed') then 'public' else 'members' end);
  end if;
  return null;
end;
$$;
-- (the generic log_change trigger on workstream_members logs deletes as steering
-- deletions; replace it so a member leaving reads as "left")
drop trigger log_change on public.workstream_members;
create trigger log_change after insert or update on public.workstream_members
  for each row execute function private.log_change();
create trigger log_left after delete on public.workstream_members
  for each row execute function private.log_left_workstream();

alter table public.activity enable row level security;

create policy "Anyone can read public activity" on public.activity
  for select to anon using (audience = 'public');
create policy "Members can read member activity and their own" on public.activity
  for select to authenticated
  using (audience in ('public', 'members') or actor_id = (select auth.uid())
         or (select private.is_steering()));
-- No insert, update or delete policies: the record is written by triggers only.
revoke insert, update, delete, truncate, references, trigger on public.activity
  from anon, authenticated;

-- ---------------------------------------------------------------------------------------
-- Search: generated tsvector columns (title weighs most) and GIN indexes.
create or replace function private.skills_text(p_skills text[])
returns text
language sql
immutable
set search_path = ''
as $$
  select array_to_string(p_skills, ' ')
$$;

alter table public.outputs add column search_vector tsvector generated always as (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
  setweight(to_tsvector('english', coalesce(body, '')), 'C')
) stored;
alter table public.patterns add column search_vector tsvector generated always as (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(problem, '')), 'B') ||
  setweight(to_tsvector('english', coalesce(when_to_use, '') || ' ' || coalesce(how_it_works, '')
                                   || ' ' || coalesce(research_evidence, '')), 'C')
) stored;
alter table public.workstreams add column search_vector tsvector generated always as (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(purpose, '')), 'B') ||
  setweight(to_tsvector('english', coalesce(description, '')), 'C')
) stored;
alter table public.events add column search_vector tsvector generated always as (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
  setweight(to_tsvector('english', coalesce(description, '') || ' ' || coalesce(venue, '')), 'C')
) stored;
alter table public.commitments add column search_vector tsvector generated always as (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(so_that, '')), 'B') ||
  setweight(to_tsvector('english', coalesce(description, '')), 'C')
) stored;
alter table public.profiles add column search_vector tsvector generated always as (
  setweight(to_tsvector('simple', coalesce(display_name, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(job_title, '') || ' ' || private.skills_text(skills)), 'B') ||
  setweight(to_tsvector('english', coalesce(bio, '')), 'C')
) stored;

create index outputs_search_idx on public.outputs using gin (search_vector);
create index patterns_search_idx on public.patterns using gin (search_vector);
create index workstreams_search_idx on public.workstreams using gin (search_vector);
create index events_search_idx on public.events using gin (search_vector);
create index commitments_search_idx on public.commitments using gin (search_vector);
create index profiles_search_idx on public.profiles using gin (search_vector);

-- Search everything public: published outputs, patterns and events, active and closed
-- workstreams, public commitments and public profiles. Security invoker: RLS applies on
-- top. kinds filters by 'output', 'pattern', 'workstream', 'event', 'commitment',
-- 'member'. url is the page's path. total is the number of matches before paging.
create or replace function public.search(
  q text,
  kinds text[] default null,
  lim integer default 20,
  off integer default 0
)
returns table (
  kind text,
  id uuid,
  slug text,
  title text,
  summary text,
  rank real,
  url text,
  total bigint
)
language sql
stable
security invoker
set search_path = ''
as $$
  with query as (
    select websearch_to_tsquery('english', coalesce(q, '')) as tsq,
           websearch_to_tsquery('simple', coalesce(q, '')) as tsq_simple
  ),
  hits as (
    select 'output'::text as kind, o.id, o.slug, o.title, o.summary,
           ts_rank(o.search_vector, query.tsq) as rank, '/outputs/' || o.slug as url
    from public.outputs o, query
    where (kinds is null or 'output' = any (kinds))
      and o.status = 'published' and o.search_vector @@ query.tsq
    union all
    select 'pattern', p.id, p.slug, p.title, coalesce(p.summary, left(p.problem, 300)),
           ts_rank(p.search_vector, query.tsq), '/patterns/' || p.slug
    from public.patterns p, query
    where (kinds is null or 'pattern' = any (kinds))
      and p.status = 'published' and p.search_vector @@ query.tsq
    union all
    select 'workstream', w.id, w.slug, w.title, w.purpose,
           ts_rank(w.search_vector, query.tsq), '/workstreams/' || w.slug
    from public.workstreams w, query
    where (kinds is null or 'workstream' = any (kinds))
      and w.status in ('active', 'closed') and w.search_vector @@ query.tsq
    union all
    select 'event', e.id, e.slug, e.title, e.summary,
           ts_rank(e.search_vector, query.tsq), '/events/' || e.slug
    from public.events e, query
    where (kinds is null or 'event' = any (kinds))
      and e.status = 'published' and e.search_vector @@ query.tsq
    union all
    select 'commitment', c.id, null, c.title, c.so_that,
           ts_rank(c.search_vector, query.tsq), '/commitments/' || c.id
    from public.commitments c, query
    where (kinds is null or 'commitment' = any (kinds))
      and c.visibility = 'public' and c.archived_at is null and c.search_vector @@ query.tsq
    union all
    select 'member', m.id, m.handle, m.display_name, m.job_title,
           ts_rank(m.search_vector, query.tsq || query.tsq_simple), '/members/' || m.handle
    from public.profiles m, query
    where (kinds is null or 'member' = any (kinds))
      and m.is_public and m.search_vector @@ (query.tsq || query.tsq_simple)
  )
  select h.kind, h.id, h.slug, h.title, h.summary, h.rank, h.url, count(*) over () as total
  from hits h
  order by h.rank desc, h.title
  limit least(greatest(coalesce(lim, 20), 1), 100)
  offset greatest(coalesce(off, 0), 0)
$$;

revoke all on function public.search(text, text[], integer, integer) from public;
grant execute on function public.search(text, text[], integer, integer) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- Views (security_invoker: the reader's RLS applies, so anon sees public rows only).

-- Commitments with what the lists and the steering view need. staleness: 'overdue' when
-- the next check-in date has passed, 'dormant' more than 30 days after it; done and dropped
-- commitments are never stale ('on_track'). "Today" is the London calendar day
-- (private.london_today()), as in the steering functions (001200).
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
  ci.last_check_in_at,
  coalesce(ci.check_in_count, 0) as check_in_count,
  case
    when c.status in ('done', 'dropped') then 'on_track'
    when c.next_check_in_on < today.d - 30 then 'dormant'
    when c.next_check_in_on < today.d then 'overdue'
    else 'on_track'
  end as staleness,
  case when c.status in ('done', 'dropped') or c.next_check_in_on >= today.d then 0
       else today.d - c.next_check_in_on end as days_overdue
from public.commitments c
cross join (select private.london_today() as d) today
left join public.profiles p on p.id = c.owner_id
left join public.organisations org on org.id = p.organisation_id
left join public.workstreams w on w.id = c.workstream_id
left join lateral (
  select max(x.created_at) as last_check_in_at, count(*)::integer as check_in_count
  from public.check_ins x where x.commitment_id = c.id
) ci on true;

-- Workstreams with counts for their pages and the steering view.
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
      and c.status in ('planned', 'in_progress', 'blocked')
      and c.next_check_in_on < private.london_today())::integer as overdue_commitments,
  (select count(*) from public.commitments c
    where c.workstream_id = w.id and c.archived_at is null and c.status = 'done')::integer as done_commitments,
  (select count(*) from public.outputs o
    where o.workstream_id = w.id and o.status = 'published')::integer as published_outputs
from public.workstreams w;

-- "Used by 7 councils": reuse and adoption counts by distinct organisation.
create view public.output_reuse_counts with (security_invoker = true) as
select r.output_id,
       count(distinct r.organisation_id)::integer as organisation_count,
       count(*)::integer as reuse_count
from public.output_reuses r
group by r.output_id;

create view public.pattern_adoption_counts with (security_invoker = true) as
select a.pattern_id,
       count(distinct a.organisation_id)::integer as organisation_count,
       count(*)::integer as adoption_count
from public.pattern_adoptions a
group by a.pattern_id;

revoke insert, update, delete, truncate, references, trigger on
  public.commitment_overview, public.workstream_summary, public.output_reuse_counts,
  public.pattern_adoption_counts
  from anon, authenticated;

revoke all on all functions in schema private from public, anon, authenticated, service_role;
grant execute on function
  private.is_steering(), private.is_admin(), private.london_today(), private.my_organisation_id(),
  private.is_workstream_lead(uuid), private.is_workstream_member(uuid),
  private.owns_commitment(uuid), private.can_edit_output(uuid), private.can_edit_pattern(uuid),
  private.is_event_organiser(uuid), private.can_edit_session(uuid), private.session_event_id(uuid),
  private.is_going(uuid), private.skills_text(text[])
  to anon, authenticated, service_role;
