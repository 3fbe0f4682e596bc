-- Foundations: the private helper schema, shared trigger functions, enums, organisations,
-- profiles (created by a trigger on auth.users), network roles, outcomes and role helpers.
--
-- Conventions used by every migration after this one:
-- - Every editable table has created_at, updated_at and version, and a
--   `before update` trigger calling private.touch_row('<thing>'): a stale version is refused
--   with SQLSTATE PT409 (PostgREST answers HTTP 409), otherwise version is bumped.
-- - Policies are named as sentences and use (select auth.uid()); role and membership checks
--   go through security definer helpers in schema `private` (not exposed by PostgREST).
-- - Members archive rather than delete; hard deletes are for the steering group only and
--   are logged in public.activity (see 20261127000500_activity_search.sql).
-- No extensions: gen_random_uuid() and full-text search are built in, on PGlite and on
-- Postgres 15 alike.

-- ---------------------------------------------------------------------------------------
-- The private schema: helpers that policies call. Not in PostgREST's exposed schemas.
-- Roles need `usage` to evaluate policies that call the helpers; only the helpers get
-- `execute` (granted at the end of each migration).
create schema if not exists private;
revoke all on schema private from public, anon, authenticated;
grant usage on schema private to anon, authenticated, service_role;
-- New functions in private are not executable by default (Postgres grants PUBLIC execute).
alter default privileges in schema private revoke execute on functions from public;

-- ---------------------------------------------------------------------------------------
-- Enums (status columns are enums, per the schema contract).
create type public.org_kind as enum ('council', 'central_government', 'supplier', 'charity', 'other');
create type public.workstream_status as enum ('proposed', 'active', 'paused', 'closed');
create type public.workstream_role as enum ('lead', 'member');
create type public.commitment_status as enum ('planned', 'in_progress', 'done', 'dropped', 'blocked');
create type public.visibility as enum ('public', 'members');
create type public.content_status as enum ('draft', 'published', 'archived');
create type public.output_kind as enum (
  'guide', 'template', 'code', 'data_set', 'research', 'case_study', 'slides', 'recording', 'other'
);
create type public.pattern_maturity as enum ('experimental', 'beta', 'recommended', 'retired');
create type public.delivery_phase as enum ('discovery', 'alpha', 'beta', 'live');
create type public.event_kind as enum ('camp', 'show_and_tell', 'meetup', 'workshop');
create type public.event_status as enum ('draft', 'published', 'cancelled');
create type public.registration_status as enum ('going', 'waitlisted', 'cancelled');
create type public.watch_kind as enum ('watch', 'offer_help');

-- ---------------------------------------------------------------------------------------
-- Shared trigger functions.

-- Optimistic concurrency: the app sends back the version it read. A different version
-- means someone else saved in between: refuse with PT409 (PostgREST -> HTTP 409).
-- TG_ARGV[0] names the thing for the message ("commitment", "output", ...).
create or replace function private.touch_row()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.version is distinct from old.version then
    raise exception using
      errcode = 'PT409',
      message = format('This %s was changed by someone else since you opened it.',
                       coalesce(tg_argv[0], 'record')),
      hint = 'Reload the page to see their changes, then make yours again.';
  end if;
  new.version := old.version + 1;
  new.updated_at := now();
  return new;
end;
$$;

-- "Today" for the network is the calendar day in Europe/London, whatever the server's
-- time zone: staleness (overdue, dormant) and "in the past" are decided by it.
create or replace function private.london_today()
returns date
language sql
stable
set search_path = ''
as $$
  select (now() at time zone 'Europe/London')::date
$$;

-- Who a row belongs to (created_by, owner_id, author_id, pitched_by, user_id) and the thing
-- it hangs off (the output a reuse record is for, the commitment a check-in is on) are
-- fixed once written: an update policy's WITH CHECK cannot see the old row, so a
-- contributor could otherwise hand an output to someone else, or move their record onto a
-- draft they cannot see. The steering group may reassign (moderation), and so may
-- server-side jobs and the seed (no signed-in user).
-- TG_ARGV[0] names the thing for the message; the rest are the columns to keep.
create or replace function private.keep_owner()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  n jsonb := to_jsonb(new);
  o jsonb := to_jsonb(old);
  col text;
  i integer;
begin
  if (select auth.uid()) is null or (select private.is_steering()) then
    return new;
  end if;
  for i in 1 .. tg_nargs - 1 loop
    col := tg_argv[i];
    if n -> col is distinct from o -> col then
      if col in ('created_by', 'owner_id', 'author_id', 'pitched_by', 'user_id') then
        raise exception using
          errcode = '42501',
          message = format('Only the steering group can change who this %s belongs to.', tg_argv[0]),
          hint = 'Ask the steering group if it should be reassigned.';
      end if;
      raise exception using
        errcode = '42501',
        message = format('This %s cannot be moved to another %s.', tg_argv[0],
                         replace(regexp_replace(col, '_id$', ''), '_', ' ')),
        hint = 'Remove it and add a new one instead.';
    end if;
  end loop;
  return new;
end;
$$;

-- Append one row to the activity record. Called by the logging triggers (defined with the
-- activity table in 20261127000500) and by functions such as register_for_event.
-- Security definer: members cannot insert into activity themselves.
create or replace function private.log_activity(
  p_verb text,
  p_subject_table text,
  p_subject_id uuid,
  p_summary text,
  p_workstream_id uuid default null,
  p_actor_id uuid default null
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.activity (actor_id, verb, subject_table, subject_id, summary, workstream_id)
  values (coalesce(p_actor_id, (select auth.uid())), p_verb, p_subject_table, p_subject_id,
          left(p_summary, 500), p_workstream_id);
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Organisations: councils, suppliers, charities, central government.
create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  name text not null check (char_length(btrim(name)) between 1 and 200),
  kind public.org_kind not null default 'council',
  website text check (website is null or website ~* '^https?://'),
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index organisations_created_by_idx on public.organisations (created_by);
create trigger touch_row before update on public.organisations
  for each row execute function private.touch_row('organisation');
create trigger keep_owner before update on public.organisations
  for each row execute function private.keep_owner('organisation', 'created_by');

-- ---------------------------------------------------------------------------------------
-- Profiles: one per auth.users row. Email is never stored here.
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  handle text not null unique
    check (handle ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
  display_name text not null check (char_length(btrim(display_name)) between 1 and 120),
  organisation_id uuid references public.organisations (id) on delete set null,
  job_title text check (char_length(job_title) <= 200),
  region text check (char_length(region) <= 100),
  skills text[] not null default '{}',
  bio text check (char_length(bio) <= 5000),
  is_public boolean not null default false,
  digest_frequency text not null default 'weekly'
    check (digest_frequency in ('daily', 'weekly', 'never')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index profiles_organisation_id_idx on public.profiles (organisation_id);
create trigger touch_row before update on public.profiles
  for each row execute function private.touch_row('profile');

-- Handle from an email's local part: lower case, runs of other characters become '-',
-- and a number is added when taken ("sarah-lay", "sarah-lay-2").
create or replace function private.unique_handle(p_base text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  base text := btrim(regexp_replace(lower(coalesce(p_base, '')), '[^a-z0-9]+', '-', 'g'), '-');
  candidate text;
  n integer := 1;
begin
  base := btrim(left(base, 34), '-');
  if base = '' then
    base := 'member';
  end if;
  candidate := base;
  while exists (select 1 from public.profiles p where p.handle = candidate) loop
    n := n + 1;
    candidate := base || '-' || n;
  end loop;
  return candidate;
end;
$$;

-- A profile for every new user (the auth service inserts into auth.users).
create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  local_part text := split_part(coalesce(new.email, ''), '@', 1);
  name text := nullif(btrim(coalesce(new.raw_user_meta_data ->> 'display_name', '')), '');
begin
  insert into public.profiles (id, handle, display_name)
  values (
    new.id,
    private.unique_handle(local_part),
    left(coalesce(name, nullif(local_part, ''), 'New member'), 120)
  );
  return new;
end;
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.handle_new_user();

-- ---------------------------------------------------------------------------------------
-- Network roles: granted by the steering group only (a separate table, so editing your own
-- profile can never make you steering).
create table public.network_roles (
  user_id uuid not null references public.profiles (id) on delete cascade,
  role text not null check (role in ('steering', 'admin')),
  granted_by uuid references public.profiles (id) on delete set null default auth.uid(),
  granted_at timestamptz not null default now(),
  primary key (user_id, role)
);
create index network_roles_granted_by_idx on public.network_roles (granted_by);

-- ---------------------------------------------------------------------------------------
-- Outcomes: the curated tag vocabulary (the network's principles and more).
create table public.outcomes (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  title text not null check (char_length(btrim(title)) between 1 and 120),
  description text check (char_length(description) <= 2000),
  is_principle boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create trigger touch_row before update on public.outcomes
  for each row execute function private.touch_row('outcome');

-- ---------------------------------------------------------------------------------------
-- Role helpers (contract names). private.is_workstream_lead(uuid) and
-- private.is_workstream_member(uuid) live with their table in 20261127000200.
-- Security definer so they can read network_roles whatever the caller's own policies
-- allow; stable, and called as (select private.x()) so it runs once per statement.
create or replace function private.is_steering()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.network_roles r
    where r.user_id = (select auth.uid()) and r.role = 'steering'
  )
$$;

create or replace function private.is_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.network_roles r
    where r.user_id = (select auth.uid()) and r.role = 'admin'
  )
$$;

-- The signed-in member's organisation (from their profile): reuse and adoption records
-- are made for it.
create or replace function private.my_organisation_id()
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.organisation_id from public.profiles p where p.id = (select auth.uid())
$$;

-- ---------------------------------------------------------------------------------------
-- Row Level Security.
alter table public.organisations enable row level security;
alter table public.profiles enable row level security;
alter table public.network_roles enable row level security;
alter table public.outcomes enable row level security;

-- organisations
create policy "Anyone can read organisations" on public.organisations
  for select to anon, authenticated using (true);
create policy "Members can add an organisation" on public.organisations
  for insert to authenticated
  with check (created_by = (select auth.uid()) or (select private.is_steering()));
create policy "Steering and the member who added it can edit an organisation" on public.organisations
  for update to authenticated
  using (created_by = (select auth.uid()) or (select private.is_steering()))
  with check (created_by = (select auth.uid()) or (select private.is_steering()));
create policy "Steering can delete organisations" on public.organisations
  for delete to authenticated using ((select private.is_steering()));

-- profiles: public ones for everyone; members see each other (names on commitments);
-- only you (or steering) edit yours. Rows are created by the auth.users trigger only.
create policy "Anyone can read public profiles" on public.profiles
  for select to anon using (is_public);
create policy "Members can read member profiles" on public.profiles
  for select to authenticated using (true);
create policy "Members can edit their own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()) or (select private.is_steering()))
  with check (id = (select auth.uid()) or (select private.is_steering()));
create policy "Steering can delete profiles" on public.profiles
  for delete to authenticated using ((select private.is_steering()));

-- network_roles
create policy "Members can see who has network roles" on public.network_roles
  for select to authenticated using (true);
create policy "Steering can grant network roles" on public.network_roles
  for insert to authenticated
  with check ((select private.is_steering()) and granted_by = (select auth.uid()));
-- No update policy: a role is granted or revoked, never edited (changing one in place
-- would lose who granted it and when).
create policy "Steering can revoke network roles" on public.network_roles
  for delete to authenticated using ((select private.is_steering()));

-- outcomes
create policy "Anyone can read outcomes" on public.outcomes
  for select to anon, authenticated using (true);
create policy "Steering can add outcomes" on public.outcomes
  for insert to authenticated with check ((select private.is_steering()));
create policy "Steering can edit outcomes" on public.outcomes
  for update to authenticated
  using ((select private.is_steering())) with check ((select private.is_steering()));
create policy "Steering can delete outcomes" on public.outcomes
  for delete to authenticated using ((select private.is_steering()));

-- ---------------------------------------------------------------------------------------
-- Grants. Supabase grants tables broadly and lets RLS decide; take away from anon what it
-- can never do, so a mistake in a policy cannot open a write path for visitors.
revoke insert, update, delete, truncate, references, trigger
  on public.organisations, public.profiles, public.network_roles, public.outcomes from anon;
revoke truncate, references, trigger
  on public.organisations, public.profiles, public.network_roles, public.outcomes from authenticated;

revoke all on all functions in schema private from public, anon, authenticated, service_role;
grant execute on function private.is_steering(), private.is_admin(), private.london_today(),
  private.my_organisation_id()
  to anon, authenticated, service_role;
