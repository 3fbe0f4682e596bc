-- Kept informed (issue 11): follows, email settings, one-click unsubscribe, the worker's
-- claim/sent/failed functions, and the schedules (digests, check-in nudges, event
-- reminders) the worker runs with its own clock. Builds on the outbox (20261201000800).
--
-- Every function the worker calls is one statement, so it is safe on the embedded
-- database too (all socket clients share one session there: no multi-statement
-- transactions from the worker). Schedules take `p_now` so tests can move the clock.

-- ---------------------------------------------------------------------------------------
-- Follows: a member follows a workstream or an outcome tag. Their digest then carries what
-- happened there (workstreams they are in and commitments they watch count without one).
create table public.follows (
  id uuid primary key default gen_random_uuid(),
  profile_id uuid not null references public.profiles (id) on delete cascade default auth.uid(),
  workstream_id uuid references public.workstreams (id) on delete cascade,
  outcome_id uuid references public.outcomes (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint follows_one_thing check (num_nonnulls(workstream_id, outcome_id) = 1),
  unique (profile_id, workstream_id),
  unique (profile_id, outcome_id)
);
create index follows_workstream_id_idx on public.follows (workstream_id);
create index follows_outcome_id_idx on public.follows (outcome_id);

alter table public.follows enable row level security;
create policy "Members can see what they follow" on public.follows
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "Members can follow for themselves" on public.follows
  for insert to authenticated with check (profile_id = (select auth.uid()));
create policy "Members can stop following" on public.follows
  for delete to authenticated using (profile_id = (select auth.uid()));
-- Visitors may ask (pages embed "do I follow this?") and always see none.
revoke all on public.follows from anon;
grant select on public.follows to anon;
revoke update, truncate, references, trigger on public.follows from authenticated;

-- ---------------------------------------------------------------------------------------
-- Email settings beside profiles.digest_frequency: kinds a member switched off (here or by
-- a one-click unsubscribe) and whether outputs tagged with a followed outcome come at once
-- (otherwise they wait for the digest).
create table public.email_preferences (
  profile_id uuid primary key references public.profiles (id) on delete cascade default auth.uid(),
  muted_kinds public.email_kind[] not null default '{}',
  outcome_outputs_at_once boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create trigger touch_row before update on public.email_preferences
  for each row execute function private.touch_row('email setting');

alter table public.email_preferences enable row level security;
create policy "Members can read their own email settings" on public.email_preferences
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "Members can choose their own email settings" on public.email_preferences
  for insert to authenticated with check (profile_id = (select auth.uid()));
create policy "Members can change their own email settings" on public.email_preferences
  for update to authenticated
  using (profile_id = (select auth.uid()))
  with check (profile_id = (select auth.uid()));
revoke all on public.email_preferences from anon;
revoke delete, truncate, references, trigger on public.email_preferences from authenticated;

-- Digest frequency and email settings are two rows: one call saves both. `p_version` is
-- the settings row's version as the form showed it (0: there was none yet).
create or replace function public.save_email_settings(
  p_digest_frequency text,
  p_muted_kinds public.email_kind[],
  p_outcome_outputs_at_once boolean,
  p_version integer
)
returns integer
language plpgsql
security invoker
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  v integer;
begin
  if me is null then
    raise exception using errcode = '42501', message = 'Sign in to change your email settings.';
  end if;
  update public.profiles set digest_frequency = p_digest_frequency where id = me;
  insert into public.email_preferences as e (profile_id, muted_kinds, outcome_outputs_at_once)
  values (me, coalesce(p_muted_kinds, '{}'), coalesce(p_outcome_outputs_at_once, false))
  on conflict (profile_id) do update
    set muted_kinds = excluded.muted_kinds,
        outcome_outputs_at_once = excluded.outcome_outputs_at_once,
        version = p_version
  returning e.version into v;
  return v;
end;
$$;
revoke all on function public.save_email_settings(text, public.email_kind[], boolean, integer) from public;
grant execute on function public.save_email_settings(text, public.email_kind[], boolean, integer)
  to authenticated;

-- ---------------------------------------------------------------------------------------
-- One-click unsubscribe (RFC 8058) without signing in: every email carries its row's random
-- token; the token names the recipient and the kind and nothing else.
alter table public.email_outbox
  add column unsubscribe_token uuid not null default gen_random_uuid();
create unique index email_outbox_unsubscribe_token_idx on public.email_outbox (unsubscribe_token);

create or replace function private.unsubscribe_kind(p_token uuid)
returns table (kind public.email_kind, already boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select o.kind,
         coalesce(o.kind = any (e.muted_kinds), false)
           or (o.kind = 'digest' and p.digest_frequency = 'never')
  from public.email_outbox o
  join public.profiles p on p.id = o.recipient_id
  left join public.email_preferences e on e.profile_id = o.recipient_id
  where o.unsubscribe_token = p_token
$$;

create or replace function private.unsubscribe(p_token uuid)
returns public.email_kind
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_recipient uuid;
  v_kind public.email_kind;
begin
  select o.recipient_id, o.kind into v_recipient, v_kind
  from public.email_outbox o where o.unsubscribe_token = p_token;
  if v_recipient is null then
    return null;
  end if;
  insert into public.email_preferences (profile_id, muted_kinds)
  values (v_recipient, array[v_kind])
  on conflict (profile_id) do update
    set muted_kinds = (select array_agg(distinct k) from unnest(
          public.email_preferences.muted_kinds || v_kind) as k),
        updated_at = now();
  return v_kind;
end;
$$;
revoke all on function private.unsubscribe_kind(uuid), private.unsubscribe(uuid) from public;
grant execute on function private.unsubscribe_kind(uuid), private.unsubscribe(uuid)
  to anon, authenticated, service_role;

create or replace function public.unsubscribe_kind(p_token uuid)
returns table (kind public.email_kind, already boolean)
language sql
stable
security invoker
set search_path = ''
as $$
  select * from private.unsubscribe_kind(p_token)
$$;

create or replace function public.unsubscribe(p_token uuid)
returns public.email_kind
language sql
security invoker
set search_path = ''
as $$
  select private.unsubscribe(p_token)
$$;
revoke all on function public.unsubscribe_kind(uuid), public.unsubscribe(uuid) from public;
grant execute on function public.unsubscribe_kind(uuid), public.unsubscribe(uuid)
  to anon, authenticated;

-- ---------------------------------------------------------------------------------------
-- Queueing skips kinds the recipient switched off (live definition; was 20261201000800).
create or replace function private.enqueue_email(
  p_recipient_id uuid,
  p_kind public.email_kind,
  p_idempotency_key text,
  p_payload jsonb default '{}'::jsonb
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.email_preferences e
             where e.profile_id = p_recipient_id and p_kind = any (e.muted_kinds)) then
    return;
  end if;
  insert into public.email_outbox (recipient_id, kind, idempotency_key, payload)
  values (p_recipient_id, p_kind, p_idempotency_key, coalesce(p_payload, '{}'::jsonb))
  on conflict (recipient_id, idempotency_key) do nothing;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- The worker. A claim takes up to p_limit due rows (skip locked: two workers never take
-- the same row), counts the attempt and leases the row until p_now + p_lease_seconds: a
-- worker that dies mid-send leaves the row to be claimed again after the lease, and a row
-- whose every attempt was claimed and never finished is given up (failed), not resent
-- forever. Recipient addresses come from auth.users: service only.
create or replace function private.claim_emails(
  p_limit integer,
  p_now timestamptz,
  p_lease_seconds integer default 300,
  p_max_attempts integer default 5
)
returns table (
  id bigint,
  kind public.email_kind,
  recipient_id uuid,
  email text,
  display_name text,
  payload jsonb,
  attempts integer,
  unsubscribe_token uuid
)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  update public.email_outbox o
  set status = 'failed',
      last_error = format('Gave up after %s attempts: the worker stopped before it finished sending.', o.attempts)
  where o.status = 'pending' and o.attempts >= p_max_attempts and o.next_attempt_at <= p_now;

  return query
  with due as (
    select o.id from public.email_outbox o
    where o.status = 'pending' and o.next_attempt_at <= p_now and o.attempts < p_max_attempts
    order by o.next_attempt_at, o.id
    limit p_limit
    for update skip locked
  )
  update public.email_outbox o
  set attempts = o.attempts + 1,
      next_attempt_at = p_now + make_interval(secs => p_lease_seconds)
  from due
  where o.id = due.id
  returning o.id, o.kind, o.recipient_id,
            (select u.email::text from auth.users u where u.id = o.recipient_id),
            (select p.display_name from public.profiles p where p.id = o.recipient_id),
            o.payload, o.attempts, o.unsubscribe_token;
end;
$$;

create or replace function private.email_sent(p_id bigint, p_now timestamptz)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.email_outbox
  set status = 'sent', sent_at = p_now, last_error = null
  where id = p_id and status = 'pending'
$$;

-- A failed attempt: try again after 1, 4, 16, 64 minutes, then give up (failed), and the
-- steering group sees it at /steering/emails.
create or replace function private.email_failed(
  p_id bigint,
  p_error text,
  p_now timestamptz,
  p_max_attempts integer default 5
)
returns public.email_status
language sql
security definer
set search_path = ''
as $$
  update public.email_outbox
  set status = case when attempts >= p_max_attempts then 'failed' else 'pending' end::public.email_status,
      next_attempt_at = p_now + make_interval(mins => power(4, greatest(attempts - 1, 0))::integer),
      last_error = left(coalesce(p_error, 'Unknown error'), 2000)
  where id = p_id and status = 'pending'
  returning status
$$;

revoke all on function
  private.claim_emails(integer, timestamptz, integer, integer),
  private.email_sent(bigint, timestamptz),
  private.email_failed(bigint, text, timestamptz, integer)
  from public;
grant execute on function
  private.claim_emails(integer, timestamptz, integer, integer),
  private.email_sent(bigint, timestamptz),
  private.email_failed(bigint, text, timestamptz, integer)
  to service_role;

-- ---------------------------------------------------------------------------------------
-- What a member's digest carries: activity after p_after_id (an activity id: each row is in
-- at most one digest, whatever the clocks) up to p_until, about what they follow: their
-- workstreams and followed ones, commitments they watch, and workstreams, commitments and
-- outputs tagged with an outcome they follow. Only what every member may read (audience
-- 'public' or 'members', from the same rules as the policies), and the thing must still be
-- readable now (an archived commitment or unpublished output drops out). Not their own
-- doings. Each thing once, under its latest news.
create or replace function private.digest_items(
  p_profile_id uuid,
  p_after_id bigint,
  p_since timestamptz,
  p_until timestamptz
)
returns table (
  workstream_slug text,
  workstream_title text,
  subject_table text,
  subject_id uuid,
  title text,
  path text,
  verb text,
  occurred_at timestamptz
)
language sql
stable
security definer
set search_path = ''
as $$
  with followed_outcomes as (
    select f.outcome_id from public.follows f
    where f.profile_id = p_profile_id and f.outcome_id is not null
  ),
  followed_workstreams as (
    select m.workstream_id from public.workstream_members m where m.user_id = p_profile_id
    union
    select f.workstream_id from public.follows f
    where f.profile_id = p_profile_id and f.workstream_id is not null
    union
    select wo.workstream_id from public.workstream_outcomes wo
    where wo.outcome_id in (select outcome_id from followed_outcomes)
  ),
  followed_subjects as (
    select w.commitment_id as id from public.commitment_watchers w where w.user_id = p_profile_id
    union
    select co.commitment_id from public.commitment_outcomes co
    where co.outcome_id in (select outcome_id from followed_outcomes)
    union
    select oo.output_id from public.output_outcomes oo
    where oo.outcome_id in (select outcome_id from followed_outcomes)
  ),
  news as (
    select distinct on (a.subject_table, a.subject_id)
           a.subject_table, a.subject_id, a.verb, a.created_at, a.workstream_id
    from public.activity a
    where a.id > coalesce(p_after_id, 0)
      and a.created_at > p_since and a.created_at <= p_until
      and a.audience in ('public', 'members')
      and a.actor_id is distinct from p_profile_id
      and a.subject_table in ('workstreams', 'commitments', 'outputs', 'patterns', 'events')
      and (a.workstream_id in (select workstream_id from followed_workstreams)
           or a.subject_id in (select id from followed_subjects))
    order by a.subject_table, a.subject_id, a.created_at desc, a.id desc
  )
  select w.slug, w.title, n.subject_table, n.subject_id,
         coalesce(c.title, o.title, pt.title, e.title, ws.title),
         case n.subject_table
           when 'commitments' then '/commitments/' || c.id
           when 'outputs' then '/outputs/' || o.slug
           when 'patterns' then '/patterns/' || pt.slug
           when 'events' then '/events/' || e.slug
           else '/workstreams/' || ws.slug end,
         n.verb, n.created_at
  from news n
  left join public.workstreams w on w.id = n.workstream_id
  left join public.commitments c
    on n.subject_table = 'commitments' and c.id = n.subject_id
   and private.commitment_is_listed(c.archived_at)
  left join public.outputs o
    on n.subject_table = 'outputs' and o.id = n.subject_id and private.content_is_public(o.status)
  left join public.patterns pt
    on n.subject_table = 'patterns' and pt.id = n.subject_id and private.content_is_public(pt.status)
  left join public.events e
    on n.subject_table = 'events' and e.id = n.subject_id and private.event_is_listed(e.status)
  left join public.workstreams ws on n.subject_table = 'workstreams' and ws.id = n.subject_id
  where coalesce(c.id, o.id, pt.id, e.id, ws.id) is not null
  order by w.title nulls last, n.created_at
$$;

-- Rows this transaction queued (created_at is the transaction's start) are due at p_now.
create or replace function private.due_at_worker_time(p_now timestamptz)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.email_outbox set next_attempt_at = p_now
  where status = 'pending' and attempts = 0 and created_at = now() and next_attempt_at > p_now
$$;

-- Queue each due member's digest: daily ones once per London day, weekly ones once per ISO
-- week (the key, e.g. 'digest:2026-W49', makes a second run queue nothing). An empty
-- digest is not queued. Returns how many were queued. p_force (the operator's "send
-- digests now", `npm run worker -- --once --digests-now`) queues one more, looking back a
-- whole period even over items an earlier digest had: a deliberate resend for demos.
create or replace function private.enqueue_digests(p_now timestamptz, p_force boolean default false)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  local_day date := (p_now at time zone 'Europe/London')::date;
  last_id bigint := (select coalesce(max(a.id), 0) from public.activity a where a.created_at <= p_now);
  r record;
  v_key text;
  v_after bigint;
  v_groups jsonb;
  v_total integer;
  queued integer := 0;
begin
  for r in
    select p.id, p.digest_frequency from public.profiles p
    where p.digest_frequency in ('daily', 'weekly')
      and not exists (select 1 from public.email_preferences e
                      where e.profile_id = p.id and 'digest' = any (e.muted_kinds))
  loop
    v_key := 'digest:' || case when p_force then 'now:' || to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                               when r.digest_frequency = 'daily' then to_char(local_day, 'YYYY-MM-DD')
                               else to_char(local_day, 'IYYY-"W"IW') end;
    continue when exists (select 1 from public.email_outbox o
                          where o.recipient_id = r.id and o.idempotency_key = v_key);
    v_after := null;
    if not p_force then
      select max((o.payload ->> 'last_activity_id')::bigint) into v_after
      from public.email_outbox o where o.recipient_id = r.id and o.kind = 'digest';
    end if;

    select coalesce(jsonb_agg(g.grp order by g.sort nulls last), '[]'::jsonb), coalesce(sum(g.n), 0)
    into v_groups, v_total
    from (
      select i.workstream_title as sort, count(*)::integer as n,
             jsonb_build_object(
               'workstream_slug', i.workstream_slug,
               'workstream_title', i.workstream_title,
               'items', jsonb_agg(jsonb_build_object(
                 'kind', i.subject_table, 'title', i.title, 'path', i.path, 'verb', i.verb,
                 'occurred_at', i.occurred_at) order by i.occurred_at)) as grp
      from private.digest_items(
        r.id, v_after,
        -- The first digest looks back one period; later ones start after the last.
        case when v_after is not null then '-infinity'::timestamptz
             when r.digest_frequency = 'daily' then p_now - interval '1 day'
             else p_now - interval '7 days' end,
        p_now) i
      group by i.workstream_slug, i.workstream_title
    ) g;

    continue when v_total = 0;
    perform private.enqueue_email(r.id, 'digest', v_key, jsonb_build_object(
      'frequency', r.digest_frequency,
      'period', split_part(v_key, ':', 2),
      'until', p_now,
      'last_activity_id', last_id,
      'total', v_total,
      'groups', v_groups));
    queued := queued + 1;
  end loop;
  if p_force then
    perform private.due_at_worker_time(p_now);
  end if;
  return queued;
end;
$$;

-- Check-in nudges: the owner when an open commitment becomes overdue, the workstream's
-- leads when it becomes dormant; once per commitment per episode (the episode is its next
-- check-in date: a check-in moves it, and a later lapse is a new episode).
create or replace function private.enqueue_nudges(p_now timestamptz)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  today date := (p_now at time zone 'Europe/London')::date;
  before_count bigint := (select count(*) from public.email_outbox);
begin
  perform private.enqueue_email(
    case when s.staleness = 'overdue' then c.owner_id else m.user_id end,
    ('commitment_' || s.staleness)::public.email_kind,
    format('commitment_%s:%s:%s', s.staleness, c.id, c.next_check_in_on),
    jsonb_build_object(
      'commitment_id', c.id, 'commitment_title', c.title,
      'workstream_slug', w.slug, 'workstream_title', w.title,
      'next_check_in_on', c.next_check_in_on))
  from public.commitments c
  cross join lateral (select private.staleness(c.status, c.next_check_in_on, today) as staleness) s
  left join public.workstreams w on w.id = c.workstream_id
  left join public.workstream_members m
    on s.staleness = 'dormant' and m.workstream_id = c.workstream_id and m.role = 'lead'
  where c.archived_at is null
    and s.staleness in ('overdue', 'dormant')
    and (s.staleness = 'overdue' or m.user_id is not null);
  return (select count(*) from public.email_outbox) - before_count;
end;
$$;

-- The day before an event (London days), everyone going gets a reminder.
create or replace function private.enqueue_event_reminders(p_now timestamptz)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  tomorrow date := (p_now at time zone 'Europe/London')::date + 1;
  before_count bigint := (select count(*) from public.email_outbox);
begin
  perform private.enqueue_email(r.user_id, 'event_reminder', 'event_reminder:' || e.id,
    jsonb_build_object('event_id', e.id, 'event_title', e.title, 'event_slug', e.slug,
                       'starts_at', e.starts_at))
  from public.events e
  join public.registrations r on r.event_id = e.id and r.status = 'going'
  where e.status = 'published'
    and (e.starts_at at time zone 'Europe/London')::date = tomorrow;
  return (select count(*) from public.email_outbox) - before_count;
end;
$$;

-- Every schedule at once, as the worker calls it (one statement). What it queued is due
-- at the worker's p_now (not the database's later now()), so the same round sends it.
create or replace function private.run_email_schedules(p_now timestamptz)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  r jsonb := jsonb_build_object(
    'digests', private.enqueue_digests(p_now),
    'nudges', private.enqueue_nudges(p_now),
    'reminders', private.enqueue_event_reminders(p_now));
begin
  perform private.due_at_worker_time(p_now);
  return r;
end;
$$;

revoke all on function
  private.due_at_worker_time(timestamptz),
  private.digest_items(uuid, bigint, timestamptz, timestamptz),
  private.enqueue_digests(timestamptz, boolean),
  private.enqueue_nudges(timestamptz),
  private.enqueue_event_reminders(timestamptz),
  private.run_email_schedules(timestamptz)
  from public;
grant execute on function
  private.due_at_worker_time(timestamptz),
  private.digest_items(uuid, bigint, timestamptz, timestamptz),
  private.enqueue_digests(timestamptz, boolean),
  private.enqueue_nudges(timestamptz),
  private.enqueue_event_reminders(timestamptz),
  private.run_email_schedules(timestamptz)
  to service_role;

-- ---------------------------------------------------------------------------------------
-- "A new output was tagged with an outcome you follow", at once for those who asked (the
-- rest find it in their digest). Fires when a published output gains a tag or a tagged
-- output is published; once per output per follower, however many tags they follow.
create or replace function private.email_outcome_output_followers(p_output_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  select private.enqueue_email(f.profile_id, 'outcome_output', 'outcome_output:' || o.id,
    jsonb_build_object('output_id', o.id, 'output_title', o.title, 'output_slug', o.slug,
                       'outcome_slug', oc.slug, 'outcome_name', oc.title))
  from public.outputs o
  join public.output_outcomes oo on oo.output_id = o.id
  join public.outcomes oc on oc.id = oo.outcome_id
  join public.follows f on f.outcome_id = oo.outcome_id
  join public.email_preferences e
    on e.profile_id = f.profile_id and e.outcome_outputs_at_once
  where o.id = p_output_id and private.content_is_public(o.status)
    and f.profile_id is distinct from o.created_by
$$;

create or replace function private.on_output_tagged()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.email_outcome_output_followers(new.output_id);
  return null;
end;
$$;
create trigger email_followers after insert on public.output_outcomes
  for each row execute function private.on_output_tagged();

create or replace function private.on_output_published()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.email_outcome_output_followers(new.id);
  return null;
end;
$$;
create trigger email_followers after update of status on public.outputs
  for each row when (new.status = 'published' and old.status is distinct from 'published')
  execute function private.on_output_published();

revoke all on function
  private.email_outcome_output_followers(uuid),
  private.on_output_tagged(),
  private.on_output_published()
  from public;

-- What the steering group sees at /steering/emails: counts by status. Refused (42501) to
-- anyone else, so the page answers 403 rather than "nothing failed".
create or replace function public.email_outbox_counts()
returns table (status public.email_status, n integer)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if not coalesce((select private.is_steering()), false) then
    raise exception using errcode = '42501',
      message = 'Only the steering group can see the email outbox.';
  end if;
  return query
    select o.status, count(*)::integer from public.email_outbox o group by o.status;
end;
$$;
revoke all on function public.email_outbox_counts() from public;
grant execute on function public.email_outbox_counts() to authenticated;
