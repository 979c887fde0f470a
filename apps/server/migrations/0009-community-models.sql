-- The register of models and clubs (issue 7 §5; DESIGN.md capability 8): domestic violence
-- prevention clubs, trusted addresses, livelihood models for women, sustainable family clubs…
-- A model belongs to the register of one unit (the commune, or the organisation running it) and
-- has at most one row per year with its members by sex and, where known, by ethnicity, and its
-- status. Edits carry the revision the form loaded; a stale one changes nothing.

create table community_models (
  id integer generated always as identity primary key,
  org_unit_id integer not null references org_units (id),
  kind text not null
    check (kind in ('domestic_violence_club', 'trusted_address', 'livelihood_model',
      'sustainable_family_club', 'change_leaders_club', 'other')),
  name text not null,
  -- folded for diacritics-free search (foldForSearch)
  search_name text not null,
  -- the commune or ward where it meets or works
  place_unit_id integer references org_units (id),
  established_on date,
  managing_organisation text,
  notes text,
  revision integer not null default 0,
  created_by integer references users (id),
  created_at timestamptz not null default now(),
  updated_by integer references users (id),
  updated_at timestamptz not null default now()
);
create index community_models_unit on community_models (org_unit_id);
create index community_models_place on community_models (place_unit_id);

create table community_model_years (
  id integer generated always as identity primary key,
  model_id integer not null references community_models (id),
  year integer not null check (year between 1990 and 2100),
  status text not null check (status in ('active', 'inactive', 'dissolved')),
  members_male integer check (members_male >= 0),
  members_female integer check (members_female >= 0),
  members_kinh integer check (members_kinh >= 0),
  members_minority integer check (members_minority >= 0),
  notes text,
  updated_by integer references users (id),
  updated_at timestamptz not null default now(),
  unique (model_id, year)
);
create index community_model_years_year on community_model_years (year, model_id);
