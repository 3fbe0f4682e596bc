-- Saves that never half-succeed, and one read for a workstream page's commitments.
--
-- Making or editing a commitment or a workstream writes the row and then its outcome tags.
-- Done as separate requests, a failed tag write left the row saved behind an error
-- message, and sending the form again made a duplicate, a conflict or "title taken". Each
-- save is now one function: one round trip, one transaction, all or nothing.
--
-- The functions run with the caller's rights (security invoker): the policies on
-- commitments, workstreams and their tag tables decide who may save what, exactly as for
-- the single-row writes, and the touch_row trigger still refuses a stale version (PT409,
-- HTTP 409). A row the caller may not change is refused with 42501 (HTTP 403), not
-- silently left alone. Outcome ids come as uuid[]; a null array means no tags.

-- ---------------------------------------------------------------------------------------
-- Commitments. p_id null makes a new one for the signed-in member; otherwise p_version is
-- the version the owner opened. The next check-in date is only set when making one (an
-- edit leaves it to check-ins). Returns the commitment's id. What may be empty has a
-- default (null), so callers leave it out rather than send null.
create or replace function public.save_commitment(
  p_title text,
  p_so_that text,
  p_due_on date,
  p_visibility public.visibility,
  p_id uuid default null,
  p_description text default null,
  p_workstream_id uuid default null,
  p_outcome_ids uuid[] default '{}',
  p_version integer default null,
  p_next_check_in_on date default null
)
returns uuid
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_id uuid := p_id;
  v_outcomes uuid[] := coalesce(p_outcome_ids, '{}');
begin
  if v_id is null then
    insert into public.commitments
      (owner_id, title, so_that, description, due_on, workstream_id, visibility, next_check_in_on)
    values ((select auth.uid()), p_title, p_so_that, p_description, p_due_on, p_workstream_id,
            p_visibility, p_next_check_in_on)
    returning id into v_id;
  else
    update public.commitments c
    set title = p_title, so_that = p_so_that, description = p_description, due_on = p_due_on,
        workstream_id = p_workstream_id, visibility = p_visibility, version = p_version
    where c.id = v_id
    returning c.id into v_id;
    if v_id is null then
      -- Row Level Security hid the row from the update: only its owner (and steering) may.
      raise exception using errcode = '42501',
        message = 'Only the owner can edit this commitment.';
    end if;
    delete from public.commitment_outcomes t
    where t.commitment_id = v_id and t.outcome_id <> all (v_outcomes);
  end if;
  insert into public.commitment_outcomes (commitment_id, outcome_id)
  select v_id, o from unnest(v_outcomes) as o
  on conflict do nothing;
  return v_id;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Workstreams. Proposing: the proposer becomes its lead (the add_creator_as_lead
-- trigger), which is what lets them tag it. Returns the slug; a slug in use is refused
-- with 23505 as before.
create or replace function public.propose_workstream(
  p_slug text,
  p_title text,
  p_purpose text,
  p_description text default null,
  p_outcome_ids uuid[] default '{}'
)
returns text
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_slug text;
begin
  insert into public.workstreams (slug, title, purpose, description, created_by)
  values (p_slug, p_title, p_purpose, p_description, (select auth.uid()))
  returning id, slug into v_id, v_slug;
  insert into public.workstream_outcomes (workstream_id, outcome_id)
  select v_id, o from unnest(coalesce(p_outcome_ids, '{}')) as o
  on conflict do nothing;
  return v_slug;
end;
$$;

-- Editing a workstream (leads and steering): its text, status and outcome tags, against
-- the version the editor opened.
create or replace function public.save_workstream(
  p_id uuid,
  p_title text,
  p_purpose text,
  p_status public.workstream_status,
  p_version integer,
  p_description text default null,
  p_outcome_ids uuid[] default '{}'
)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_outcomes uuid[] := coalesce(p_outcome_ids, '{}');
begin
  update public.workstreams w
  set title = p_title, purpose = p_purpose, description = p_description, status = p_status,
      version = p_version
  where w.id = p_id
  returning w.id into v_id;
  if v_id is null then
    raise exception using errcode = '42501',
      message = 'Only leads and the steering group can edit a workstream.';
  end if;
  delete from public.workstream_outcomes t
  where t.workstream_id = v_id and t.outcome_id <> all (v_outcomes);
  insert into public.workstream_outcomes (workstream_id, outcome_id)
  select v_id, o from unnest(v_outcomes) as o
  on conflict do nothing;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- A workstream page's commitments by status: for each status with any (unarchived, and
-- visible to the reader), how many there are and the first p_per_status of them, next
-- check-in first. One row per commitment shown, each carrying its status's total.
-- It replaces a request that embedded commitment_overview ten times over (a page and a
-- count per status). Ranked on the table, so the view's per-row lookups (owner, check-ins)
-- are made for the rows shown only. Plain SQL with the caller's rights: RLS applies.
create or replace function public.workstream_commitment_groups(
  p_slug text,
  p_per_status integer default 10
)
returns table (
  status public.commitment_status,
  status_total integer,
  id uuid,
  title text,
  so_that text,
  staleness text,
  days_overdue integer,
  due_on date,
  next_check_in_on date,
  owner_display_name text,
  organisation_name text
)
language sql
stable
security invoker
set search_path = ''
as $$
  with ranked as (
    select c.id, c.status,
           count(*) over (partition by c.status)::integer as status_total,
           row_number() over (partition by c.status
                              order by c.next_check_in_on asc nulls last, c.id) as position
    from public.commitments c
    where c.workstream_id = (select w.id from public.workstreams w where w.slug = p_slug)
      and c.archived_at is null
  )
  select r.status, r.status_total, v.id, v.title, v.so_that, v.staleness, v.days_overdue,
         v.due_on, v.next_check_in_on, v.owner_display_name, v.organisation_name
  from ranked r
  join public.commitment_overview v on v.id = r.id
  where r.position <= least(greatest(coalesce(p_per_status, 10), 1), 100)
  order by r.status, r.position
$$;

-- ---------------------------------------------------------------------------------------
-- Grants: signed-in members save (the policies decide what); anyone reads.
revoke all on function
  public.save_commitment(text, text, date, public.visibility, uuid, text, uuid, uuid[], integer, date),
  public.propose_workstream(text, text, text, text, uuid[]),
  public.save_workstream(uuid, text, text, public.workstream_status, integer, text, uuid[]),
  public.workstream_commitment_groups(text, integer)
  from public, anon;
grant execute on function
  public.save_commitment(text, text, date, public.visibility, uuid, text, uuid, uuid[], integer, date),
  public.propose_workstream(text, text, text, text, uuid[]),
  public.save_workstream(uuid, text, text, public.workstream_status, integer, text, uuid[])
  to authenticated, service_role;
grant execute on function public.workstream_commitment_groups(text, integer)
  to anon, authenticated, service_role;
