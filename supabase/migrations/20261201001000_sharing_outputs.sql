-- Members share what they made (issue 9, outputs): one save for an output with its
-- credits, outcome tags and evidence link; a licence from a short list; slugs that stay
-- working after a rename; one "we've used this" record per organisation, which anyone in
-- that organisation may keep up to date; and an archived output's address still answering.

-- ---------------------------------------------------------------------------------------
-- Licence: a short list, so readers know what they may do with an output. "Other" needs a
-- link to its terms. Labels live in src/lib/labels.ts.
create type public.output_licence as enum (
  'ogl_3', 'cc_by_4', 'mit', 'apache_2', 'all_rights_reserved', 'other'
);

alter table public.outputs drop constraint if exists outputs_licence_check;
alter table public.outputs
  alter column licence type public.output_licence using (
    case
      when licence is null then null
      when licence ilike 'OGL%' or licence ilike '%open government%' then 'ogl_3'
      when licence ilike 'CC BY%' or licence ilike 'CC-BY%' then 'cc_by_4'
      when licence ilike 'MIT%' then 'mit'
      when licence ilike 'Apache%' then 'apache_2'
      when licence ilike 'all rights reserved%' then 'all_rights_reserved'
      else 'other'
    end::public.output_licence
  );
alter table public.outputs
  add column licence_url text check (licence_url is null or licence_url ~* '^https?://'),
  add constraint outputs_other_licence_has_link
    check (licence is distinct from 'other' or licence_url is not null) not valid;

-- Once published, an output is archived rather than taken back to draft: people may have
-- linked to it or reused it.
create or replace function private.guard_output_status()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'draft' and old.status <> 'draft' then
    raise exception using
      errcode = '42501',
      message = 'A published output cannot go back to being a draft.',
      hint = 'Archive it instead: it leaves the lists and its page says it is archived.';
  end if;
  return new;
end;
$$;
create trigger guard_status before update of status on public.outputs
  for each row execute function private.guard_output_status();

-- ---------------------------------------------------------------------------------------
-- Slugs that outlive renames. Any table with (id, slug) can remember its old slugs with
-- `private.remember_old_slug('<kind>')`; pages look a missing slug up here and redirect.
create table public.slug_redirects (
  kind text not null check (kind ~ '^[a-z_]+$'),
  old_slug text not null check (char_length(old_slug) <= 100),
  target_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (kind, old_slug)
);
create index slug_redirects_target_idx on public.slug_redirects (kind, target_id);

create or replace function private.remember_old_slug()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.slug is distinct from old.slug then
    -- The current slug answers directly, so it is no longer a redirect.
    delete from public.slug_redirects where kind = tg_argv[0] and old_slug = new.slug;
    insert into public.slug_redirects (kind, old_slug, target_id)
    values (tg_argv[0], old.slug, old.id)
    on conflict (kind, old_slug) do update set target_id = excluded.target_id, created_at = now();
  end if;
  return null;
end;
$$;
create trigger remember_old_slug after update of slug on public.outputs
  for each row execute function private.remember_old_slug('output');

-- A slug made from a title: lower case words joined by hyphens, at most 80 characters,
-- unique among the table's current slugs and the old slugs that still redirect.
create or replace function private.slug_for_output(p_title text, p_id uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  base text := left(btrim(regexp_replace(lower(coalesce(p_title, '')), '[^a-z0-9]+', '-', 'g'), '-'), 80);
  candidate text;
  n integer := 1;
begin
  base := btrim(base, '-');
  if base = '' then
    base := 'output';
  end if;
  candidate := base;
  loop
    exit when not exists (select 1 from public.outputs o where o.slug = candidate and o.id <> p_id)
          and not exists (select 1 from public.slug_redirects r
                          where r.kind = 'output' and r.old_slug = candidate and r.target_id <> p_id);
    n := n + 1;
    candidate := base || '-' || n;
  end loop;
  return candidate;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- "We've used this": one record per organisation per output; people of that organisation
-- may keep it up to date (phase, note), not only whoever wrote it first.
create unique index output_reuses_one_per_organisation
  on public.output_reuses (output_id, organisation_id);

drop policy "Members can edit their own reuse records" on public.output_reuses;
create policy "Members can edit their own or their organisation’s reuse records" on public.output_reuses
  for update to authenticated
  using (user_id = (select auth.uid())
         or (organisation_id is not null and organisation_id = (select private.my_organisation_id()))
         or (select private.is_steering()))
  with check (user_id = (select auth.uid())
              or (organisation_id is not null and organisation_id = (select private.my_organisation_id()))
              or (select private.is_steering()));

-- Records (or updates) the signed-in member's organisation's reuse of an output. p_version
-- is the version of the record the member saw, when they saw one: a stale one is refused.
create or replace function public.record_output_reuse(
  p_output_id uuid,
  p_phase public.delivery_phase,
  p_note text default null,
  p_version integer default null
)
returns uuid
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_org uuid := (select private.my_organisation_id());
  v_id uuid;
begin
  if (select auth.uid()) is null then
    raise exception using errcode = '42501', message = 'Sign in to say your organisation used this.';
  end if;
  if v_org is null then
    raise exception using errcode = '42501',
      message = 'Your profile does not say which organisation you work for.',
      hint = 'Add your organisation to your profile, then say you used this.';
  end if;
  update public.output_reuses r
  set phase = p_phase, note = nullif(btrim(p_note), ''),
      version = coalesce(p_version, r.version)
  where r.output_id = p_output_id and r.organisation_id = v_org
  returning r.id into v_id;
  if v_id is null then
    insert into public.output_reuses (output_id, organisation_id, user_id, phase, note)
    values (p_output_id, v_org, (select auth.uid()), p_phase, nullif(btrim(p_note), ''))
    returning id into v_id;
  end if;
  return v_id;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Saving an output: the row, its credits, its outcome tags and (when made from a
-- commitment) its evidence link, in one transaction. With the caller's rights: the
-- policies and triggers decide (contributors edit; only members of a workstream place in
-- it; only a commitment's owner makes it evidence; only the creator or the workstream's
-- leads change who else is credited). p_id null makes a new one; otherwise p_version is
-- the version the editor opened. The slug follows the title; the old one redirects.
-- Contributors are parallel arrays of profile ids and credits; the signed-in creator of a
-- new output is credited even when not listed. Returns the slug.
create or replace function public.save_output(
  p_title text,
  p_kind public.output_kind,
  p_status public.content_status,
  p_id uuid default null,
  p_summary text default null,
  p_body text default null,
  p_external_url text default null,
  p_licence public.output_licence default null,
  p_licence_url text default null,
  p_workstream_id uuid default null,
  p_commitment_id uuid default null,
  p_outcome_ids uuid[] default '{}',
  p_contributor_ids uuid[] default '{}',
  p_contributor_roles text[] default '{}',
  p_version integer default null
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
  v_outcomes uuid[] := coalesce(p_outcome_ids, '{}');
  v_people uuid[] := coalesce(p_contributor_ids, '{}');
  v_roles text[] := coalesce(p_contributor_roles, '{}');
begin
  if cardinality(v_people) <> cardinality(v_roles) then
    raise exception using errcode = '22023', message = 'Each contributor needs a credit (or an empty one).';
  end if;
  if v_id is null then
    v_id := gen_random_uuid();
    insert into public.outputs
      (id, slug, title, kind, status, summary, body, external_url, licence, licence_url,
       workstream_id, commitment_id, created_by)
    values (v_id, private.slug_for_output(p_title, v_id), p_title, p_kind, p_status, p_summary,
            p_body, p_external_url, p_licence, p_licence_url, p_workstream_id, p_commitment_id,
            (select auth.uid()))
    returning slug into v_slug;
  else
    update public.outputs o
    set slug = case when o.title is distinct from p_title
                    then private.slug_for_output(p_title, o.id) else o.slug end,
        title = p_title, kind = p_kind,
        status = p_status, summary = p_summary, body = p_body, external_url = p_external_url,
        licence = p_licence, licence_url = p_licence_url, workstream_id = p_workstream_id,
        version = p_version
    where o.id = v_id
    returning o.slug into v_slug;
    if v_slug is null then
      raise exception using errcode = '42501',
        message = 'Only the contributors of an output and the steering group can edit it.';
    end if;
    delete from public.output_outcomes t
    where t.output_id = v_id and t.outcome_id <> all (v_outcomes);
  end if;

  insert into public.output_outcomes (output_id, outcome_id)
  select v_id, o from unnest(v_outcomes) as o
  on conflict do nothing;

  -- Credits: remove who is no longer listed, add who is new, change credits that changed.
  -- Rows RLS keeps a member from changing are left alone by these statements, so the
  -- result is checked against what was asked for below.
  delete from public.output_contributors c
  where c.output_id = v_id and c.user_id <> all (v_people)
    and not (p_id is null and c.user_id = (select auth.uid()));
  insert into public.output_contributors (output_id, user_id, role)
  select v_id, x.user_id, nullif(btrim(x.role), '')
  from unnest(v_people, v_roles) as x(user_id, role)
  -- Only the new ones: the insert policy is checked even for rows that would conflict.
  where not exists (select 1 from public.output_contributors c
                    where c.output_id = v_id and c.user_id = x.user_id)
  on conflict (output_id, user_id) do nothing;
  update public.output_contributors c
  set role = nullif(btrim(x.role), '')
  from unnest(v_people, v_roles) as x(user_id, role)
  where c.output_id = v_id and c.user_id = x.user_id
    and c.role is distinct from nullif(btrim(x.role), '');

  if exists (
    select 1 from public.output_contributors c
    where c.output_id = v_id and c.user_id <> all (v_people)
      and not (p_id is null and c.user_id = (select auth.uid()))
  ) or exists (
    select 1 from unnest(v_people, v_roles) as x(user_id, role)
    where not exists (select 1 from public.output_contributors c
                      where c.output_id = v_id and c.user_id = x.user_id
                        and c.role is not distinct from nullif(btrim(x.role), ''))
  ) then
    raise exception using errcode = '42501',
      message = 'Only the person who shared an output, or its workstream’s leads, can change who else is credited.',
      hint = 'You can change your own credit. Ask them to change the others.';
  end if;
  return v_slug;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- A slug the outputs table does not answer for the reader: the output it now belongs to
-- (renamed), or an archived output the reader may not open. Drafts stay unknown.
create or replace function private.resolve_output_slug(p_slug text)
returns table (slug text, title text, summary text, status public.content_status)
language sql
stable
security definer
set search_path = ''
as $$
  select o.slug, o.title, o.summary, o.status
  from public.outputs o
  where o.status in ('published', 'archived')
    and (o.slug = p_slug
         or o.id = (select r.target_id from public.slug_redirects r
                    where r.kind = 'output' and r.old_slug = p_slug))
  order by (o.slug = p_slug) desc
  limit 1
$$;

create or replace function public.find_output_by_old_slug(p_slug text)
returns table (slug text, title text, summary text, status public.content_status)
language sql
stable
security invoker
set search_path = ''
as $$
  select * from private.resolve_output_slug(p_slug)
$$;

-- ---------------------------------------------------------------------------------------
-- Row Level Security: redirects are read where their target can be; only triggers write.
alter table public.slug_redirects enable row level security;
create policy "Anyone can read redirects to things they can see" on public.slug_redirects
  for select to anon, authenticated
  using (case kind
           when 'output' then exists (select 1 from public.outputs o where o.id = target_id)
           when 'pattern' then exists (select 1 from public.patterns p where p.id = target_id)
           else false
         end);
revoke insert, update, delete, truncate, references, trigger on public.slug_redirects
  from anon, authenticated;

revoke all on function
  private.guard_output_status(), private.remember_old_slug(),
  private.slug_for_output(text, uuid), private.resolve_output_slug(text)
  from public, anon, authenticated, service_role;
grant execute on function private.slug_for_output(text, uuid), private.resolve_output_slug(text)
  to anon, authenticated, service_role;

revoke all on function
  public.save_output(text, public.output_kind, public.content_status, uuid, text, text, text,
                     public.output_licence, text, uuid, uuid, uuid[], uuid[], text[], integer),
  public.record_output_reuse(uuid, public.delivery_phase, text, integer),
  public.find_output_by_old_slug(text)
  from public, anon;
grant execute on function
  public.save_output(text, public.output_kind, public.content_status, uuid, text, text, text,
                     public.output_licence, text, uuid, uuid, uuid[], uuid[], text[], integer),
  public.record_output_reuse(uuid, public.delivery_phase, text, integer)
  to authenticated, service_role;
grant execute on function public.find_output_by_old_slug(text) to anon, authenticated, service_role;
