-- Organisation registry, accounts, sessions and the audit log: what every later module hangs off.

create table org_units (
  id integer generated always as identity primary key,
  code text not null unique,
  name text not null,
  -- name folded for search: no diacritics or tone marks, đ as d, lower case (contracts/text.ts)
  search_name text not null,
  kind text not null check (kind in ('province', 'agency', 'mass_organisation', 'commune', 'ward',
    'special_zone', 'district', 'advancement_committee', 'public_unit')),
  parent_id integer references org_units (id),
  -- '/1/12/345/': ids from the root down to this unit, set by trigger; a subtree is a prefix match
  path text not null default '',
  valid_from date,
  valid_to date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index org_units_parent_id on org_units (parent_id);
create index org_units_path on org_units (path text_pattern_ops);
create index org_units_kind on org_units (kind);

create function org_units_set_path() returns trigger language plpgsql as $$
begin
  if new.parent_id is null then
    new.path := '/' || new.id || '/';
  else
    select path || new.id || '/' into new.path from org_units where id = new.parent_id;
    if new.path is null then
      raise exception 'parent % of org unit % not found', new.parent_id, new.id;
    end if;
  end if;
  return new;
end $$;

create trigger org_units_path_on_insert before insert on org_units
  for each row execute function org_units_set_path();
create trigger org_units_path_on_move before update of parent_id on org_units
  for each row when (old.parent_id is distinct from new.parent_id) execute function org_units_set_path();

-- Every name a unit has carried; the current one has valid_to null. Renames never rewrite history.
create table org_unit_names (
  id integer generated always as identity primary key,
  org_unit_id integer not null references org_units (id),
  name text not null,
  valid_from date,
  valid_to date
);
create index org_unit_names_unit on org_unit_names (org_unit_id);

create table users (
  id integer generated always as identity primary key,
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  is_active boolean not null default true,
  totp_secret text,
  totp_enabled boolean not null default false,
  failed_login_count integer not null default 0,
  last_failed_login_at timestamptz,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Lineage: how closed units map onto today's. from_unit is the older side.
create table lineage_events (
  id integer generated always as identity primary key,
  kind text not null check (kind in ('merged_into', 'split_from', 'renamed', 'closed')),
  effective_on date not null,
  from_unit_id integer not null references org_units (id),
  to_unit_id integer references org_units (id),
  note text,
  created_by integer references users (id),
  created_at timestamptz not null default now()
);
create index lineage_events_from on lineage_events (from_unit_id);
create index lineage_events_to on lineage_events (to_unit_id);

-- A role on a unit covers the unit's subtree; system_admin has no unit and covers everything.
create table role_grants (
  id integer generated always as identity primary key,
  user_id integer not null references users (id) on delete cascade,
  role text not null check (role in ('system_admin', 'unit_admin', 'planner', 'reporter', 'viewer')),
  org_unit_id integer references org_units (id),
  created_by integer references users (id),
  created_at timestamptz not null default now(),
  check ((role = 'system_admin') = (org_unit_id is null))
);
create unique index role_grants_unique on role_grants (user_id, role, coalesce(org_unit_id, 0));
create index role_grants_unit on role_grants (org_unit_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a database leak yields no live session.
create table sessions (
  id text primary key,
  user_id integer not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_user_id integer references users (id),
  action text not null,
  entity_type text not null,
  entity_id text,
  org_unit_id integer references org_units (id),
  before jsonb,
  after jsonb,
  ip text
);
create index audit_log_at on audit_log (id desc);
create index audit_log_unit on audit_log (org_unit_id);
