-- Workstreams and their members; commitments ("I will ... so that ..."), check-ins,
-- watchers and offers of help; outcome tags for workstreams and commitments.

-- ---------------------------------------------------------------------------------------
-- Workstreams
create table public.workstreams (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  purpose text check (char_length(purpose) <= 1000),
  description text check (char_length(description) <= 20000),
  status public.workstream_status not null default 'proposed',
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index workstreams_created_by_idx on public.workstreams (created_by);
create index workstreams_status_idx on public.workstreams (status);
create trigger touch_row before update on public.workstreams
  for each row execute function private.touch_row('workstream');
create trigger keep_owner before update on public.workstreams
  for each row execute function private.keep_owner('workstream', 'created_by');

create table public.workstream_members (
  workstream_id uuid not null references public.workstreams (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.workstream_role not null default 'member',
  -- joined_at is what pages show ("joined 3 March"); created_at follows the convention.
  joined_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (workstream_id, user_id)
);
create index workstream_members_user_id_idx on public.workstream_members (user_id);
create trigger touch_row before update on public.workstream_members
  for each row execute function private.touch_row('membership');

-- Contract helpers: is the signed-in member a lead / any member of this workstream?
create or replace function private.is_workstream_lead(p_workstream_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.workstream_members m
    where m.workstream_id = p_workstream_id
      and m.user_id = (select auth.uid())
      and m.role = 'lead'
  )
$$;

create or replace function private.is_workstream_member(p_workstream_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.workstream_members m
    where m.workstream_id = p_workstream_id
      and m.user_id = (select auth.uid())
  )
$$;

-- Proposals are approved by the steering group: only steering may create a workstream in
-- any status other than 'proposed', or move one out of (or back into) 'proposed'.
-- Leads may pause, resume and close an approved workstream.
create or replace function private.guard_workstream_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select private.is_steering()) or (select auth.uid()) is null then
    return new; -- steering, or a server-side job / the seed (no signed-in user)
  end if;
  if tg_op = 'INSERT' and new.status <> 'proposed' then
    raise exception using errcode = '42501',
      message = 'A new workstream starts as a proposal.',
      hint = 'Propose it; the steering group will make it active.';
  end if;
  if tg_op = 'UPDATE' and new.status is distinct from old.status
     and (old.status = 'proposed' or new.status = 'proposed') then
    raise exception using errcode = '42501',
      message = 'Only the steering group can approve a proposed workstream.',
      hint = 'Ask the steering group to review the proposal.';
  end if;
  return new;
end;
$$;
create trigger guard_status before insert or update on public.workstreams
  for each row execute function private.guard_workstream_status();

-- Whoever proposes a workstream leads it to begin with.
create or replace function private.add_workstream_creator_as_lead()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.created_by is not null then
    insert into public.workstream_members (workstream_id, user_id, role)
    values (new.id, new.created_by, 'lead')
    on conflict (workstream_id, user_id) do update set role = 'lead';
  end if;
  return new;
end;
$$;
create trigger add_creator_as_lead after insert on public.workstreams
  for each row execute function private.add_workstream_creator_as_lead();

-- ---------------------------------------------------------------------------------------
-- Commitments: "I will <title> by <due_on>, so that <so_that>".
create table public.commitments (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references public.profiles (id) on delete cascade default auth.uid(),
  workstream_id uuid references public.workstreams (id) on delete set null,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  so_that text check (char_length(so_that) <= 500),
  description text check (char_length(description) <= 20000),
  due_on date,
  visibility public.visibility not null default 'public',
  status public.commitment_status not null default 'planned',
  -- Nothing may silently go stale: every open commitment has a next check-in date.
  next_check_in_on date default (private.london_today() + 14),
  completed_at timestamptz,
  closing_note text check (char_length(closing_note) <= 5000),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint commitments_open_needs_next_check_in
    check (status in ('done', 'dropped') or next_check_in_on is not null),
  constraint commitments_done_needs_closing_note
    check (status <> 'done' or (completed_at is not null and nullif(btrim(closing_note), '') is not null)),
  constraint commitments_dropped_needs_reason
    check (status <> 'dropped' or nullif(btrim(closing_note), '') is not null)
);
create index commitments_owner_id_idx on public.commitments (owner_id);
create index commitments_workstream_id_idx on public.commitments (workstream_id);
create index commitments_status_next_idx on public.commitments (status, next_check_in_on);
create trigger touch_row before update on public.commitments
  for each row execute function private.touch_row('commitment');
create trigger keep_owner before update on public.commitments
  for each row execute function private.keep_owner('commitment', 'owner_id');

-- completed_at follows status: set when it becomes done, cleared if it is reopened.
create or replace function private.commitment_completed_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'done' then
    new.completed_at := coalesce(new.completed_at, now());
  else
    new.completed_at := null;
  end if;
  return new;
end;
$$;
create trigger set_completed_at before insert or update of status, completed_at on public.commitments
  for each row execute function private.commitment_completed_at();

create or replace function private.owns_commitment(p_commitment_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.commitments c
    where c.id = p_commitment_id and c.owner_id = (select auth.uid())
  )
$$;

-- ---------------------------------------------------------------------------------------
-- Check-ins: progress notes that move the commitment on.
create table public.check_ins (
  id uuid primary key default gen_random_uuid(),
  commitment_id uuid not null references public.commitments (id) on delete cascade,
  author_id uuid references public.profiles (id) on delete set null default auth.uid(),
  note text not null check (char_length(btrim(note)) between 1 and 5000),
  status_from public.commitment_status,
  status_to public.commitment_status,
  next_check_in_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index check_ins_commitment_id_idx on public.check_ins (commitment_id, created_at desc);
create index check_ins_author_id_idx on public.check_ins (author_id);
create trigger touch_row before update on public.check_ins
  for each row execute function private.touch_row('check-in');
create trigger keep_owner before update on public.check_ins
  for each row execute function private.keep_owner('check-in', 'author_id', 'commitment_id');

-- A check-in is a record of what happened: only its note's wording may be corrected.
-- Its status change and next check-in date moved the commitment on when it was made;
-- changing them afterwards would rewrite history without moving anything.
create or replace function private.check_in_keep_history()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is not null and not (select private.is_steering())
     and (new.status_from is distinct from old.status_from
          or new.status_to is distinct from old.status_to
          or new.next_check_in_on is distinct from old.next_check_in_on
          or new.created_at is distinct from old.created_at) then
    raise exception using
      errcode = '42501',
      message = 'Only the note of a check-in can be changed.',
      hint = 'Make a new check-in to change the status or the next check-in date.';
  end if;
  return new;
end;
$$;
create trigger keep_history before update on public.check_ins
  for each row execute function private.check_in_keep_history();

-- Before insert: record where the commitment was, fill in the next check-in date (two
-- weeks on when not given and the commitment stays open), and move the commitment on
-- (status, next check-in; the note closes it when the check-in marks it done or dropped).
-- Done before the row is written, not after, so that several check-ins inserted in one
-- statement each see the commitment as the one before left it. Security definer: the
-- insert policy decides who may check in; a refused check-in rolls this back with it.
create or replace function private.check_in_before_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  current_status public.commitment_status;
  target public.commitment_status;
begin
  select c.status into current_status from public.commitments c
  where c.id = new.commitment_id
  for update;
  if not found then
    raise exception using errcode = '23503', message = 'That commitment does not exist.';
  end if;
  new.status_from := current_status;
  target := coalesce(new.status_to, current_status);
  if target in ('done', 'dropped') then
    new.next_check_in_on := null;
  else
    if new.next_check_in_on is not null and new.next_check_in_on < private.london_today() then
      raise exception using errcode = '22023',
        message = 'The next check-in date is in the past.',
        hint = 'Choose today or a later date.';
    end if;
    new.next_check_in_on := coalesce(new.next_check_in_on, private.london_today() + 14);
  end if;

  update public.commitments c
  set status = target,
      next_check_in_on = case when target in ('done', 'dropped') then c.next_check_in_on
                              else new.next_check_in_on end,
      closing_note = case when target in ('done', 'dropped')
                          then coalesce(nullif(btrim(c.closing_note), ''), new.note)
                          else c.closing_note end
  where c.id = new.commitment_id;
  return new;
end;
$$;
create trigger fill_in before insert on public.check_ins
  for each row execute function private.check_in_before_insert();

-- ---------------------------------------------------------------------------------------
-- Watchers and offers of help.
create table public.commitment_watchers (
  commitment_id uuid not null references public.commitments (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade default auth.uid(),
  kind public.watch_kind not null default 'watch',
  note text check (char_length(note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (commitment_id, user_id)
);
create index commitment_watchers_user_id_idx on public.commitment_watchers (user_id);
create trigger touch_row before update on public.commitment_watchers
  for each row execute function private.touch_row('offer of help');
create trigger keep_owner before update on public.commitment_watchers
  for each row execute function private.keep_owner('offer of help', 'user_id', 'commitment_id');

-- ---------------------------------------------------------------------------------------
-- Outcome tags
create table public.workstream_outcomes (
  workstream_id uuid not null references public.workstreams (id) on delete cascade,
  outcome_id uuid not null references public.outcomes (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (workstream_id, outcome_id)
);
create index workstream_outcomes_outcome_id_idx on public.workstream_outcomes (outcome_id);

create table public.commitment_outcomes (
  commitment_id uuid not null references public.commitments (id) on delete cascade,
  outcome_id uuid not null references public.outcomes (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (commitment_id, outcome_id)
);
create index commitment_outcomes_outcome_id_idx on public.commitment_outcomes (outcome_id);

-- ---------------------------------------------------------------------------------------
-- Row Level Security
alter table public.workstreams enable row level security;
alter table public.workstream_members enable row level security;
alter table public.commitments enable row level security;
alter table public.check_ins enable row level security;
alter table public.commitment_watchers enable row level security;
alter table public.workstream_outcomes enable row level security;
alter table public.commitment_outcomes enable row level security;

-- workstreams
create policy "Anyone can read active and closed workstreams" on public.workstreams
  for select to anon using (status in ('active', 'closed'));
create policy "Members can read all workstreams" on public.workstreams
  for select to authenticated using (true);
create policy "Members can propose a workstream" on public.workstreams
  for insert to authenticated
  with check (created_by = (select auth.uid()) or (select private.is_steering()));
create policy "Leads and steering can edit a workstream" on public.workstreams
  for update to authenticated
  using ((select private.is_workstream_lead(id)) or (select private.is_steering()))
  with check ((select private.is_workstream_lead(id)) or (select private.is_steering()));
create policy "Steering can delete workstreams" on public.workstreams
  for delete to authenticated using ((select private.is_steering()));

-- workstream_members
create policy "Anyone can see who is in a public workstream" on public.workstream_members
  for select to anon
  using (exists (select 1 from public.workstreams w
                 where w.id = workstream_id and w.status in ('active', 'closed')));
create policy "Members can see workstream membership" on public.workstream_members
  for select to authenticated using (true);
create policy "Members can join a workstream and leads can add people" on public.workstream_members
  for insert to authenticated
  with check (
    (user_id = (select auth.uid()) and role = 'member'
     and exists (select 1 from public.workstreams w
                 where w.id = workstream_id and w.status <> 'closed'))
    or (select private.is_workstream_lead(workstream_id))
    or (select private.is_steering())
  );
create policy "Leads and steering can change membership roles" on public.workstream_members
  for update to authenticated
  using ((select private.is_workstream_lead(workstream_id)) or (select private.is_steering()))
  with check ((select private.is_workstream_lead(workstream_id)) or (select private.is_steering()));
create policy "Members can leave and leads can remove people" on public.workstream_members
  for delete to authenticated
  using (user_id = (select auth.uid())
         or (select private.is_workstream_lead(workstream_id))
         or (select private.is_steering()));

-- commitments
create policy "Anyone can read public commitments" on public.commitments
  for select to anon using (visibility = 'public' and archived_at is null);
create policy "Members can read commitments" on public.commitments
  for select to authenticated
  using (archived_at is null or owner_id = (select auth.uid()) or (select private.is_steering()));
create policy "Members can make their own commitments" on public.commitments
  for insert to authenticated
  with check (owner_id = (select auth.uid()) or (select private.is_steering()));
create policy "Owners and steering can edit a commitment" on public.commitments
  for update to authenticated
  using (owner_id = (select auth.uid()) or (select private.is_steering()))
  with check (owner_id = (select auth.uid()) or (select private.is_steering()));
create policy "Steering can delete commitments" on public.commitments
  for delete to authenticated using ((select private.is_steering()));

-- check_ins (visible wherever the commitment is)
create policy "Anyone can read check-ins on commitments they can see" on public.check_ins
  for select to anon, authenticated
  using (exists (select 1 from public.commitments c where c.id = commitment_id));
create policy "Owners can check in on their own commitments" on public.check_ins
  for insert to authenticated
  with check (author_id = (select auth.uid())
              and ((select private.owns_commitment(commitment_id)) or (select private.is_steering())));
create policy "Authors can edit their check-ins" on public.check_ins
  for update to authenticated
  using (author_id = (select auth.uid()) or (select private.is_steering()))
  with check (author_id = (select auth.uid()) or (select private.is_steering()));
create policy "Steering can delete check-ins" on public.check_ins
  for delete to authenticated using ((select private.is_steering()));

-- commitment_watchers
create policy "Members can see who watches or offers help" on public.commitment_watchers
  for select to authenticated
  using (exists (select 1 from public.commitments c where c.id = commitment_id));
create policy "Members can watch or offer help" on public.commitment_watchers
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and exists (select 1 from public.commitments c where c.id = commitment_id));
create policy "Members can change their own offer of help" on public.commitment_watchers
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "Members can stop watching and steering can remove" on public.commitment_watchers
  for delete to authenticated
  using (user_id = (select auth.uid()) or (select private.is_steering()));

-- workstream_outcomes
create policy "Anyone can read outcome tags of workstreams they can see" on public.workstream_outcomes
  for select to anon, authenticated
  using (exists (select 1 from public.workstreams w where w.id = workstream_id));
create policy "Leads and steering can tag a workstream" on public.workstream_outcomes
  for insert to authenticated
  with check ((select private.is_workstream_lead(workstream_id)) or (select private.is_steering()));
create policy "Leads and steering can untag a workstream" on public.workstream_outcomes
  for delete to authenticated
  using ((select private.is_workstream_lead(workstream_id)) or (select private.is_steering()));

-- commitment_outcomes
create policy "Anyone can read outcome tags of commitments they can see" on public.commitment_outcomes
  for select to anon, authenticated
  using (exists (select 1 from public.commitments c where c.id = commitment_id));
create policy "Owners and steering can tag a commitment" on public.commitment_outcomes
  for insert to authenticated
  with check ((select private.owns_commitment(commitment_id)) or (select private.is_steering()));
create policy "Owners and steering can untag a commitment" on public.commitment_outcomes
  for delete to authenticated
  using ((select private.owns_commitment(commitment_id)) or (select private.is_steering()));

-- ---------------------------------------------------------------------------------------
-- Grants
revoke insert, update, delete, truncate, references, trigger on
  public.workstreams, public.workstream_members, public.commitments, public.check_ins,
  public.commitment_watchers, public.workstream_outcomes, public.commitment_outcomes
  from anon;
revoke truncate, references, trigger on
  public.workstreams, public.workstream_members, public.commitments, public.check_ins,
  public.commitment_watchers, public.workstream_outcomes, public.commitment_outcomes
  from authenticated;

revoke all on all functions in schema private from public, anon, authenticated, service_role;
grant execute on function
  private.is_steering(), private.is_admin(), private.london_today(), private.my_organisation_id(),
  private.is_workstream_lead(uuid), private.is_workstream_member(uuid),
  private.owns_commitment(uuid)
  to anon, authenticated, service_role;
