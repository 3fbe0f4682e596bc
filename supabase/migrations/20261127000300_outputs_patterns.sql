-- Outputs (what members made and shared), their contributors and reuse records;
-- patterns (reusable solutions written like GOV.UK Design System pattern pages), their
-- example outputs and adoptions; outcome tags for both.

-- published_at: set the first time a row becomes published, kept afterwards (feeds sort by it).
create or replace function private.set_published_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'published' and new.published_at is null then
    new.published_at := now();
  end if;
  return new;
end;
$$;

-- Reuse and adoption records are made by a member for their own organisation (from their
-- profile); only the steering group records them for another. Checked on insert (with the
-- insert policy as the backstop) and when the organisation is changed; a record made
-- before its maker moved organisation stays editable.
-- TG_ARGV[0] names the records for the message.
create or replace function private.guard_own_organisation()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null or (select private.is_steering()) then
    return new;
  end if;
  if (tg_op = 'INSERT' or new.organisation_id is distinct from old.organisation_id)
     and new.organisation_id is distinct from (select private.my_organisation_id()) then
    raise exception using
      errcode = '42501',
      message = format('You can only add %s for your own organisation.', tg_argv[0]),
      hint = 'Set your organisation on your profile, or ask the steering group to record it for another organisation.';
  end if;
  return new;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Outputs
create table public.outputs (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 100),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  summary text check (char_length(summary) <= 1000),
  body text check (char_length(body) <= 100000),
  kind public.output_kind not null default 'other',
  external_url text check (external_url is null or external_url ~* '^https?://'),
  licence text check (char_length(licence) <= 100),
  status public.content_status not null default 'draft',
  workstream_id uuid references public.workstreams (id) on delete set null,
  -- The commitment this output delivers: evidence that it was done.
  commitment_id uuid references public.commitments (id) on delete set null,
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index outputs_workstream_id_idx on public.outputs (workstream_id);
create index outputs_commitment_id_idx on public.outputs (commitment_id);
create index outputs_created_by_idx on public.outputs (created_by);
create index outputs_published_idx on public.outputs (published_at desc) where status = 'published';
create trigger touch_row before update on public.outputs
  for each row execute function private.touch_row('output');
create trigger keep_owner before update on public.outputs
  for each row execute function private.keep_owner('output', 'created_by');
create trigger set_published_at before insert or update on public.outputs
  for each row execute function private.set_published_at();

-- Evidence is the commitment owner's claim to make: an output's contributors cannot point
-- it at somebody else's commitment (public.attach_output_to_commitment, 001100, lets an
-- owner attach any published output). Unlinking is fine.
create or replace function private.guard_output_commitment()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.commitment_id is not null
     and (tg_op = 'INSERT' or new.commitment_id is distinct from old.commitment_id)
     and (select auth.uid()) is not null
     and not (select private.owns_commitment(new.commitment_id))
     and not (select private.is_steering()) then
    raise exception using
      errcode = '42501',
      message = 'Only the owner of a commitment can mark an output as its evidence.',
      hint = 'Ask the commitment’s owner to attach it.';
  end if;
  return new;
end;
$$;
create trigger guard_commitment before insert or update of commitment_id on public.outputs
  for each row execute function private.guard_output_commitment();

create table public.output_contributors (
  output_id uuid not null references public.outputs (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role text check (char_length(role) <= 100), -- free text: "author", "research", "code"
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (output_id, user_id)
);
create index output_contributors_user_id_idx on public.output_contributors (user_id);
-- A contributor's credit ("research", "code") is edited on the output page.
create trigger touch_row before update on public.output_contributors
  for each row execute function private.touch_row('contributor credit');

-- The creator is the first contributor.
create or replace function private.add_output_creator_as_contributor()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.created_by is not null then
    insert into public.output_contributors (output_id, user_id, role)
    values (new.id, new.created_by, 'author')
    on conflict do nothing;
  end if;
  return new;
end;
$$;
create trigger add_creator_as_contributor after insert on public.outputs
  for each row execute function private.add_output_creator_as_contributor();

-- Who may edit an output: its creator and its contributors.
create or replace function private.can_edit_output(p_output_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.outputs o
    where o.id = p_output_id and o.created_by = (select auth.uid())
  ) or exists (
    select 1 from public.output_contributors oc
    where oc.output_id = p_output_id and oc.user_id = (select auth.uid())
  )
$$;

-- "We've used this": reuse by an organisation, at a phase of its work.
create table public.output_reuses (
  id uuid primary key default gen_random_uuid(),
  output_id uuid not null references public.outputs (id) on delete cascade,
  organisation_id uuid references public.organisations (id) on delete set null,
  user_id uuid references public.profiles (id) on delete set null default auth.uid(),
  phase public.delivery_phase,
  note text check (char_length(note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index output_reuses_output_id_idx on public.output_reuses (output_id);
create index output_reuses_organisation_id_idx on public.output_reuses (organisation_id);
create index output_reuses_user_id_idx on public.output_reuses (user_id);
create trigger touch_row before update on public.output_reuses
  for each row execute function private.touch_row('reuse record');
create trigger keep_owner before update on public.output_reuses
  for each row execute function private.keep_owner('reuse record', 'user_id', 'output_id');
create trigger own_organisation before insert or update of organisation_id on public.output_reuses
  for each row execute function private.guard_own_organisation('reuse records');

-- ---------------------------------------------------------------------------------------
-- Patterns
create table public.patterns (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 100),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  summary text check (char_length(summary) <= 1000),
  problem text check (char_length(problem) <= 20000),
  when_to_use text check (char_length(when_to_use) <= 20000),
  when_not_to_use text check (char_length(when_not_to_use) <= 20000),
  how_it_works text check (char_length(how_it_works) <= 50000),
  research_evidence text check (char_length(research_evidence) <= 50000),
  maturity public.pattern_maturity not null default 'experimental',
  last_reviewed_on date,
  status public.content_status not null default 'draft',
  workstream_id uuid references public.workstreams (id) on delete set null,
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index patterns_workstream_id_idx on public.patterns (workstream_id);
create index patterns_created_by_idx on public.patterns (created_by);
create trigger touch_row before update on public.patterns
  for each row execute function private.touch_row('pattern');
create trigger keep_owner before update on public.patterns
  for each row execute function private.keep_owner('pattern', 'created_by');
create trigger set_published_at before insert or update on public.patterns
  for each row execute function private.set_published_at();

-- Who may edit a pattern: its author and the leads of its workstream.
create or replace function private.can_edit_pattern(p_pattern_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.patterns p
    where p.id = p_pattern_id
      and (p.created_by = (select auth.uid())
           or (p.workstream_id is not null and exists (
                 select 1 from public.workstream_members m
                 where m.workstream_id = p.workstream_id
                   and m.user_id = (select auth.uid()) and m.role = 'lead')))
  )
$$;

create table public.pattern_examples (
  pattern_id uuid not null references public.patterns (id) on delete cascade,
  output_id uuid not null references public.outputs (id) on delete cascade,
  note text check (char_length(note) <= 1000), -- why it is a good example: editable
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (pattern_id, output_id)
);
create index pattern_examples_output_id_idx on public.pattern_examples (output_id);
create trigger touch_row before update on public.pattern_examples
  for each row execute function private.touch_row('example');

create table public.pattern_adoptions (
  id uuid primary key default gen_random_uuid(),
  pattern_id uuid not null references public.patterns (id) on delete cascade,
  organisation_id uuid references public.organisations (id) on delete set null,
  user_id uuid references public.profiles (id) on delete set null default auth.uid(),
  phase public.delivery_phase,
  note text check (char_length(note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index pattern_adoptions_pattern_id_idx on public.pattern_adoptions (pattern_id);
create index pattern_adoptions_organisation_id_idx on public.pattern_adoptions (organisation_id);
create index pattern_adoptions_user_id_idx on public.pattern_adoptions (user_id);
create trigger touch_row before update on public.pattern_adoptions
  for each row execute function private.touch_row('adoption record');
create trigger keep_owner before update on public.pattern_adoptions
  for each row execute function private.keep_owner('adoption record', 'user_id', 'pattern_id');
create trigger own_organisation before insert or update of organisation_id on public.pattern_adoptions
  for each row execute function private.guard_own_organisation('adoption records');

-- ---------------------------------------------------------------------------------------
-- Outcome tags
create table public.output_outcomes (
  output_id uuid not null references public.outputs (id) on delete cascade,
  outcome_id uuid not null references public.outcomes (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (output_id, outcome_id)
);
create index output_outcomes_outcome_id_idx on public.output_outcomes (outcome_id);

create table public.pattern_outcomes (
  pattern_id uuid not null references public.patterns (id) on delete cascade,
  outcome_id uuid not null references public.outcomes (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (pattern_id, outcome_id)
);
create index pattern_outcomes_outcome_id_idx on public.pattern_outcomes (outcome_id);

-- ---------------------------------------------------------------------------------------
-- Row Level Security
alter table public.outputs enable row level security;
alter table public.output_contributors enable row level security;
alter table public.output_reuses enable row level security;
alter table public.patterns enable row level security;
alter table public.pattern_examples enable row level security;
alter table public.pattern_adoptions enable row level security;
alter table public.output_outcomes enable row level security;
alter table public.pattern_outcomes enable row level security;

-- outputs
create policy "Anyone can read published outputs" on public.outputs
  for select to anon using (status = 'published');
-- created_by is checked on the row itself as well as through the helper: during
-- INSERT ... RETURNING the new row is not yet visible to the helper's lookup.
create policy "Members can read published outputs and their own drafts" on public.outputs
  for select to authenticated
  using (status = 'published' or created_by = (select auth.uid())
         or (select private.can_edit_output(id)) or (select private.is_steering()));
create policy "Members can share their own outputs" on public.outputs
  for insert to authenticated
  with check (created_by = (select auth.uid()) or (select private.is_steering()));
create policy "Contributors and steering can edit an output" on public.outputs
  for update to authenticated
  using ((select private.can_edit_output(id)) or (select private.is_steering()))
  with check ((select private.can_edit_output(id)) or (select private.is_steering()));
create policy "Steering can delete outputs" on public.outputs
  for delete to authenticated using ((select private.is_steering()));

-- output_contributors
create policy "Anyone can see contributors of outputs they can see" on public.output_contributors
  for select to anon, authenticated
  using (exists (select 1 from public.outputs o where o.id = output_id));
create policy "Contributors can add contributors" on public.output_contributors
  for insert to authenticated
  with check ((select private.can_edit_output(output_id)) or (select private.is_steering()));
create policy "Contributors can change contributor roles" on public.output_contributors
  for update to authenticated
  using ((select private.can_edit_output(output_id)) or (select private.is_steering()))
  with check ((select private.can_edit_output(output_id)) or (select private.is_steering()));
create policy "Contributors can remove contributors" on public.output_contributors
  for delete to authenticated
  using ((select private.can_edit_output(output_id)) or (select private.is_steering()));

-- output_reuses
create policy "Anyone can read reuse of outputs they can see" on public.output_reuses
  for select to anon, authenticated
  using (exists (select 1 from public.outputs o where o.id = output_id));
create policy "Members can say their organisation used an output" on public.output_reuses
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and exists (select 1 from public.outputs o where o.id = output_id)
              and (organisation_id is not distinct from (select private.my_organisation_id())
                   or (select private.is_steering())));
create policy "Members can edit their own reuse records" on public.output_reuses
  for update to authenticated
  using (user_id = (select auth.uid()) or (select private.is_steering()))
  with check (user_id = (select auth.uid()) or (select private.is_steering()));
create policy "Members can remove their own reuse records" on public.output_reuses
  for delete to authenticated
  using (user_id = (select auth.uid()) or (select private.is_steering()));

-- patterns
create policy "Anyone can read published patterns" on public.patterns
  for select to anon using (status = 'published');
create policy "Members can read published patterns and their own drafts" on public.patterns
  for select to authenticated
  using (status = 'published' or created_by = (select auth.uid())
         or (select private.can_edit_pattern(id)) or (select private.is_steering()));
create policy "Members can write their own patterns" on public.patterns
  for insert to authenticated
  with check (created_by = (select auth.uid()) or (select private.is_steering()));
create policy "Authors, workstream leads and steering can edit a pattern" on public.patterns
  for update to authenticated
  using ((select private.can_edit_pattern(id)) or (select private.is_steering()))
  with check ((select private.can_edit_pattern(id)) or (select private.is_steering()));
create policy "Steering can delete patterns" on public.patterns
  for delete to authenticated using ((select private.is_steering()));

-- pattern_examples
create policy "Anyone can read examples of patterns they can see" on public.pattern_examples
  for select to anon, authenticated
  using (exists (select 1 from public.patterns p where p.id = pattern_id)
         and exists (select 1 from public.outputs o where o.id = output_id));
create policy "Pattern editors can add examples" on public.pattern_examples
  for insert to authenticated
  with check ((select private.can_edit_pattern(pattern_id)) or (select private.is_steering()));
create policy "Pattern editors can change examples" on public.pattern_examples
  for update to authenticated
  using ((select private.can_edit_pattern(pattern_id)) or (select private.is_steering()))
  with check ((select private.can_edit_pattern(pattern_id)) or (select private.is_steering()));
create policy "Pattern editors can remove examples" on public.pattern_examples
  for delete to authenticated
  using ((select private.can_edit_pattern(pattern_id)) or (select private.is_steering()));

-- pattern_adoptions
create policy "Anyone can read adoptions of patterns they can see" on public.pattern_adoptions
  for select to anon, authenticated
  using (exists (select 1 from public.patterns p where p.id = pattern_id));
create policy "Members can say their organisation adopted a pattern" on public.pattern_adoptions
  for insert to authenticated
  with check (user_id = (select auth.uid())
              and exists (select 1 from public.patterns p where p.id = pattern_id)
              and (organisation_id is not distinct from (select private.my_organisation_id())
                   or (select private.is_steering())));
create policy "Members can edit their own adoption records" on public.pattern_adoptions
  for update to authenticated
  using (user_id = (select auth.uid()) or (select private.is_steering()))
  with check (user_id = (select auth.uid()) or (select private.is_steering()));
create policy "Members can remove their own adoption records" on public.pattern_adoptions
  for delete to authenticated
  using (user_id = (select auth.uid()) or (select private.is_steering()));

-- output_outcomes
create policy "Anyone can read outcome tags of outputs they can see" on public.output_outcomes
  for select to anon, authenticated
  using (exists (select 1 from public.outputs o where o.id = output_id));
create policy "Contributors and steering can tag an output" on public.output_outcomes
  for insert to authenticated
  with check ((select private.can_edit_output(output_id)) or (select private.is_steering()));
create policy "Contributors and steering can untag an output" on public.output_outcomes
  for delete to authenticated
  using ((select private.can_edit_output(output_id)) or (select private.is_steering()));

-- pattern_outcomes
create policy "Anyone can read outcome tags of patterns they can see" on public.pattern_outcomes
  for select to anon, authenticated
  using (exists (select 1 from public.patterns p where p.id = pattern_id));
create policy "Pattern editors and steering can tag a pattern" on public.pattern_outcomes
  for insert to authenticated
  with check ((select private.can_edit_pattern(pattern_id)) or (select private.is_steering()));
create policy "Pattern editors and steering can untag a pattern" on public.pattern_outcomes
  for delete to authenticated
  using ((select private.can_edit_pattern(pattern_id)) or (select private.is_steering()));

-- ---------------------------------------------------------------------------------------
-- Grants
revoke insert, update, delete, truncate, references, trigger on
  public.outputs, public.output_contributors, public.output_reuses, public.patterns,
  public.pattern_examples, public.pattern_adoptions, public.output_outcomes, public.pattern_outcomes
  from anon;
revoke truncate, references, trigger on
  public.outputs, public.output_contributors, public.output_reuses, public.patterns,
  public.pattern_examples, public.pattern_adoptions, public.output_outcomes, public.pattern_outcomes
  from authenticated;

revoke all on all functions in schema private from public, anon, authenticated, service_role;
grant execute on function
  private.is_steering(), private.is_admin(), private.london_today(), private.my_organisation_id(),
  private.is_workstream_lead(uuid), private.is_workstream_member(uuid),
  private.owns_commitment(uuid), private.can_edit_output(uuid), private.can_edit_pattern(uuid)
  to anon, authenticated, service_role;
