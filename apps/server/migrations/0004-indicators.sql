-- Indicators and figures (DESIGN.md "One grain for every figure", "Indicators are formulas",
-- "Targets are first-class"): the disaggregation catalogue as data, data elements, entry forms,
-- indicators as formulas over data elements, validation rules as data, targets per indicator,
-- unit (null: national) and year, and figures at one grain with their history.

-- A disaggregation category (sex, ethnicity, age group, area). total_option is null for a
-- partition (the total is the sum of the options) and names the option that is the total for
-- an "of which" category ("Tổng số / Trong đó: Nữ").
create table disaggregation_categories (
  id integer generated always as identity primary key,
  code text not null unique,
  name text not null,
  name_en text,
  total_option text
);

create table disaggregation_options (
  id integer generated always as identity primary key,
  category_id integer not null references disaggregation_categories (id),
  -- unique over all categories, so a cell key ('female.minority') names its options alone
  code text not null unique check (code ~ '^[a-z][a-z0-9_]*$' and code <> 'total'),
  name text not null,
  name_en text,
  position integer not null
);

create table category_combos (
  id integer generated always as identity primary key,
  code text not null unique,
  name text not null,
  -- category codes in the order of the cell key
  categories jsonb not null default '[]'
);

create table data_elements (
  id integer generated always as identity primary key,
  code text not null unique,
  name text not null,
  short_name text,
  value_type text not null check (value_type in ('integer', 'number', 'percent')),
  aggregation text not null default 'sum' check (aggregation in ('sum', 'average')),
  category_combo_id integer not null references category_combos (id),
  description text,
  created_at timestamptz not null default now()
);

-- An entry form (biểu nhập): data elements in the order of the grid.
create table data_entry_forms (
  id integer generated always as identity primary key,
  code text not null unique,
  name text not null,
  period_type text not null default 'year' check (period_type in ('year', 'half_year')),
  data_elements jsonb not null default '[]'
);

-- numerator / denominator × factor, formulas over data elements (indicators.formula.ts).
create table indicators (
  id integer generated always as identity primary key,
  code text not null unique,
  objective text,
  name text not null,
  unit text not null,
  direction text not null check (direction in ('min', 'max', 'reach')),
  numerator text not null,
  denominator text,
  factor double precision not null default 1,
  decimals integer not null default 1,
  source jsonb not null default '[]',
  confidence text not null default 'local' check (confidence in ('confirmed', 'press-summary', 'local')),
  note text,
  position integer not null default 0,
  created_at timestamptz not null default now()
);

create table validation_rules (
  id integer generated always as identity primary key,
  code text not null unique,
  kind text not null check (kind in ('compare', 'change_from_last_year', 'percent_range')),
  name text not null,
  importance text not null check (importance in ('error', 'warning')),
  left_side text,
  operator text check (operator in ('<=', '<', '>=', '>', '==')),
  right_side text,
  threshold double precision
);

-- A target per indicator, unit (null: national) and year; units without one inherit upward.
create table indicator_targets (
  id integer generated always as identity primary key,
  indicator_id integer not null references indicators (id),
  org_unit_id integer references org_units (id),
  year integer not null,
  operator text not null check (operator in ('>=', '>', '<=', '<', '=', '~')),
  value double precision not null,
  source text,
  updated_by integer references users (id),
  updated_at timestamptz not null default now()
);
create unique index indicator_targets_one on indicator_targets (indicator_id, coalesce(org_unit_id, 0), year);

-- One figure per data element × option combo × unit × period. disaggregation is the cell key:
-- option codes in the combo's category order joined by '.', or 'total' for an element without
-- disaggregation. Totals over partition categories are never stored.
create table data_values (
  id bigint generated always as identity primary key,
  data_element_id integer not null references data_elements (id),
  org_unit_id integer not null references org_units (id),
  period text not null check (period ~ '^[0-9]{4}(S[12])?$'),
  disaggregation text not null,
  value double precision not null,
  comment text,
  updated_by integer not null references users (id),
  updated_at timestamptz not null default now(),
  unique (data_element_id, org_unit_id, period, disaggregation)
);
create index data_values_unit_period on data_values (org_unit_id, period);
create index data_values_period on data_values (period, data_element_id);

-- Every write of a figure, including the first and deletions: corrections keep history.
create table data_value_history (
  id bigint generated always as identity primary key,
  data_element_id integer not null references data_elements (id),
  org_unit_id integer not null references org_units (id),
  period text not null,
  disaggregation text not null,
  action text not null check (action in ('created', 'updated', 'deleted')),
  value double precision,
  previous_value double precision,
  comment text,
  changed_by integer not null references users (id),
  changed_at timestamptz not null default now()
);
create index data_value_history_cell on data_value_history (data_element_id, org_unit_id, period, disaggregation);
