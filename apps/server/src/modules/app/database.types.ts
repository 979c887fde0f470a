import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types written by hand from `migrations/*.sql`; `database.db.test.ts` checks them
 * against the migrated schema. `date` columns come back as `YYYY-MM-DD` strings on both
 * engines (see database.ts), timestamps as Date.
 */
export interface Database {
  org_units: OrgUnitsTable;
  org_unit_names: OrgUnitNamesTable;
  lineage_events: LineageEventsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  legal_documents: LegalDocumentsTable;
  plans: PlansTable;
  plan_bases: PlanBasesTable;
  plan_items: PlanItemsTable;
  task_assignments: TaskAssignmentsTable;
  task_progress: TaskProgressTable;
  task_progress_history: TaskProgressHistoryTable;
  attachments: AttachmentsTable;
  plan_imports: PlanImportsTable;
  plan_events: PlanEventsTable;
  reporting_duties: ReportingDutiesTable;
  disaggregation_categories: DisaggregationCategoriesTable;
  disaggregation_options: DisaggregationOptionsTable;
  category_combos: CategoryCombosTable;
  data_elements: DataElementsTable;
  data_entry_forms: DataEntryFormsTable;
  indicators: IndicatorsTable;
  validation_rules: ValidationRulesTable;
  indicator_targets: IndicatorTargetsTable;
  data_values: DataValuesTable;
  data_value_history: DataValueHistoryTable;
  report_templates: ReportTemplatesTable;
  report_rounds: ReportRoundsTable;
  report_submissions: ReportSubmissionsTable;
  report_submission_events: ReportSubmissionEventsTable;
  report_round_totals: ReportRoundTotalsTable;
  catalogue_version: CatalogueVersionTable;
  notifications: NotificationsTable;
  outbox: OutboxTable;
  community_models: CommunityModelsTable;
  community_model_years: CommunityModelYearsTable;
  campaigns: CampaignsTable;
  activity_imports: ActivityImportsTable;
  activities: ActivitiesTable;
  activity_participants: ActivityParticipantsTable;
  activity_tasks: ActivityTasksTable;
  activity_files: ActivityFilesTable;
  report_activity_snapshots: ReportActivitySnapshotsTable;
}

export interface OrgUnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  search_name: string;
  kind: string;
  parent_id: number | null;
  path: Generated<string>;
  valid_from: string | null;
  valid_to: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type OrgUnitRow = Selectable<OrgUnitsTable>;

export interface OrgUnitNamesTable {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface LineageEventsTable {
  id: Generated<number>;
  kind: string;
  effective_on: string;
  from_unit_id: number;
  to_unit_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  is_active: Generated<boolean>;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  failed_login_count: Generated<number>;
  last_failed_login_at: Date | null;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  email: Generated<string | null>;
}
export type UserRow = Selectable<UsersTable>;

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  org_unit_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_unit_id: number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}
export type NewAuditRow = Insertable<AuditLogTable>;

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Generated<Date>;
}

export interface LegalDocumentsTable {
  id: Generated<number>;
  kind: string;
  number: string | null;
  number_key: string | null;
  issued_on: string | null;
  issuer: string | null;
  title: string | null;
  search_text: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}
export type LegalDocumentRow = Selectable<LegalDocumentsTable>;

export interface PlansTable {
  id: Generated<number>;
  org_unit_id: number;
  kind: Generated<string>;
  number: string | null;
  symbol: string | null;
  title: string;
  year: number;
  place: string | null;
  issued_on: string | null;
  status: Generated<string>;
  origin: Generated<string>;
  parent_plan_id: number | null;
  supersedes_plan_id: number | null;
  version: Generated<number>;
  purpose: Generated<string>;
  budget: Generated<string>;
  implementation: Generated<string>;
  reporting_regime: Generated<string>;
  /** jsonb: string[] */
  recipients: Generated<unknown>;
  /** jsonb: Signer */
  signer: Generated<unknown>;
  cascade_due_on: string | null;
  revision: Generated<number>;
  search_text: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  issued_by: number | null;
  issued_at: Date | null;
  /** The printed issuing body of a received plan ("Bộ Nội vụ") when it is not the owning unit. */
  issuer_name: string | null;
  import_id: number | null;
}
export type PlanRow = Selectable<PlansTable>;

export interface PlanBasesTable {
  plan_id: number;
  legal_document_id: number;
  position: number;
}

export interface PlanItemsTable {
  id: Generated<number>;
  plan_id: number;
  parent_id: number | null;
  position: number;
  ref: Generated<string>;
  title: Generated<string>;
  body: Generated<string>;
  is_task: Generated<boolean>;
  time_kind: Generated<string>;
  starts_on: string | null;
  due_on: string | null;
  time_text: string | null;
  expected_output: string | null;
  programme: string | null;
  /** jsonb: string[] */
  indicator_codes: Generated<unknown>;
  source_item_id: number | null;
  previous_version_item_id: number | null;
}
export type PlanItemRow = Selectable<PlanItemsTable>;

export interface TaskAssignmentsTable {
  id: Generated<number>;
  item_id: number;
  role: string;
  org_unit_id: number | null;
  unit_name: string;
  position: Generated<number>;
}

export interface TaskProgressTable {
  id: Generated<number>;
  item_id: number;
  org_unit_id: number;
  status: Generated<string>;
  percent: number | null;
  note: string | null;
  /** jsonb: string[] */
  links: Generated<unknown>;
  revision: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface TaskProgressHistoryTable {
  id: Generated<string>;
  progress_id: number;
  status: string;
  percent: number | null;
  note: string | null;
  changed_by: number | null;
  changed_at: Generated<Date>;
}

export interface AttachmentsTable {
  id: Generated<number>;
  progress_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}

export interface PlanImportsTable {
  id: Generated<number>;
  org_unit_id: number;
  file_name: string;
  content_sha256: string;
  source_text: string;
  /** jsonb: PlanImport */
  result: unknown;
  status: Generated<string>;
  plan_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  accepted_at: Date | null;
}
export type PlanImportRow = Selectable<PlanImportsTable>;

export interface PlanEventsTable {
  id: Generated<number>;
  plan_id: number;
  name: string;
  starts_on: string;
  ends_on: string;
}

export interface ReportingDutiesTable {
  id: Generated<number>;
  plan_id: number;
  org_unit_id: number;
  kind: string;
  due_on: string | null;
  recipient: string | null;
  created_at: Generated<Date>;
}

/* Indicators and figures (0004-indicators.sql). */

export interface DisaggregationCategoriesTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  total_option: string | null;
}

export interface DisaggregationOptionsTable {
  id: Generated<number>;
  category_id: number;
  code: string;
  name: string;
  name_en: string | null;
  position: number;
}

export interface CategoryCombosTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** Category codes, JSON array. */
  categories: Generated<unknown>;
}

export interface DataElementsTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  value_type: string;
  aggregation: Generated<string>;
  category_combo_id: number;
  description: string | null;
  created_at: Generated<Date>;
}
export type DataElementRow = Selectable<DataElementsTable>;

export interface DataEntryFormsTable {
  id: Generated<number>;
  code: string;
  name: string;
  period_type: Generated<string>;
  /** Data element codes, JSON array. */
  data_elements: Generated<unknown>;
}

export interface IndicatorsTable {
  id: Generated<number>;
  code: string;
  objective: string | null;
  name: string;
  unit: string;
  direction: string;
  numerator: string;
  denominator: string | null;
  factor: Generated<number>;
  decimals: Generated<number>;
  /** JSON array of strings. */
  source: Generated<unknown>;
  confidence: Generated<string>;
  note: string | null;
  position: Generated<number>;
  created_at: Generated<Date>;
}
export type IndicatorRow = Selectable<IndicatorsTable>;

export interface ValidationRulesTable {
  id: Generated<number>;
  code: string;
  kind: string;
  name: string;
  importance: string;
  left_side: string | null;
  operator: string | null;
  right_side: string | null;
  threshold: number | null;
}

export interface IndicatorTargetsTable {
  id: Generated<number>;
  indicator_id: number;
  org_unit_id: number | null;
  year: number;
  operator: string;
  value: number;
  source: string | null;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface DataValuesTable {
  id: Generated<number>;
  data_element_id: number;
  org_unit_id: number;
  period: string;
  disaggregation: string;
  value: number;
  comment: string | null;
  updated_by: number;
  updated_at: Generated<Date>;
}

export interface DataValueHistoryTable {
  id: Generated<number>;
  data_element_id: number;
  org_unit_id: number;
  period: string;
  disaggregation: string;
  action: string;
  value: number | null;
  previous_value: number | null;
  comment: string | null;
  changed_by: number;
  changed_at: Generated<Date>;
}

export interface ReportTemplatesTable {
  id: Generated<number>;
  code: string;
  version: Generated<number>;
  kind: string;
  name: string;
  period_type: string;
  /** jsonb: OutlineSection[] */
  outline: Generated<unknown>;
  /** jsonb: AppendixTableDefinition[] */
  tables: Generated<unknown>;
  is_current: Generated<boolean>;
  created_at: Generated<Date>;
}
export type ReportTemplateRow = Selectable<ReportTemplatesTable>;

export interface ReportRoundsTable {
  id: Generated<number>;
  template_id: number;
  consolidating_unit_id: number;
  parent_round_id: number | null;
  title: string;
  period: string;
  cut_off_from: string;
  cut_off_to: string;
  due_on: string;
  due_at: Date;
  created_by: number;
  created_at: Generated<Date>;
  closed_at: Date | null;
  closed_by: number | null;
}
export type ReportRoundRow = Selectable<ReportRoundsTable>;

export interface ReportSubmissionsTable {
  id: Generated<number>;
  round_id: number;
  org_unit_id: number;
  status: Generated<string>;
  revision: Generated<number>;
  /** jsonb: Record<sectionKey, answer> */
  narrative: Generated<unknown>;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  updated_by: number | null;
  updated_at: Generated<Date>;
}
export type ReportSubmissionRow = Selectable<ReportSubmissionsTable>;

/** Per round and bucket (`submitted` | `accepted`): the sum and count of its reports' figures. */
export interface ReportRoundTotalsTable {
  round_id: number;
  bucket: string;
  data_element_id: number;
  disaggregation: string;
  /** numeric: read as a string by pg */
  value_sum: number | string;
  value_count: number;
  /** org_unit_id % 4 of the reports it sums (migration 0011); readers sum the stripes. */
  stripe: Generated<number>;
}

export interface ReportSubmissionEventsTable {
  id: Generated<number>;
  submission_id: number;
  action: string;
  from_status: string;
  to_status: string;
  comment: string | null;
  actor_user_id: number;
  at: Generated<Date>;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  org_unit_id: number | null;
  kind: string;
  round_id: number | null;
  submission_id: number | null;
  title: string;
  body: string;
  event_key: string;
  created_at: Generated<Date>;
  read_at: Date | null;
}
export type NotificationRow = Selectable<NotificationsTable>;

export interface OutboxTable {
  id: Generated<number>;
  event_key: string;
  user_id: number | null;
  org_unit_id: number | null;
  recipient: string | null;
  subject: string;
  body: string;
  status: Generated<string>;
  attempts: Generated<number>;
  last_error: Generated<string | null>;
  claim_token: Generated<string | null>;
  claimed_at: Generated<Date | null>;
  created_at: Generated<Date>;
  sent_at: Generated<Date | null>;
}
export type OutboxRow = Selectable<OutboxTable>;

export interface CommunityModelsTable {
  id: Generated<number>;
  org_unit_id: number;
  kind: string;
  name: string;
  search_name: string;
  place_unit_id: number | null;
  established_on: string | null;
  managing_organisation: string | null;
  notes: string | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}
export type CommunityModelRow = Selectable<CommunityModelsTable>;

export interface CommunityModelYearsTable {
  id: Generated<number>;
  model_id: number;
  year: number;
  status: string;
  members_male: number | null;
  members_female: number | null;
  members_kinh: number | null;
  members_minority: number | null;
  notes: string | null;
  updated_by: number | null;
  updated_at: Generated<Date>;
}
export type CommunityModelYearRow = Selectable<CommunityModelYearsTable>;

/* Activities and campaigns (migrations/0007-activities.sql). */

export interface CampaignsTable {
  id: Generated<number>;
  org_unit_id: number | null;
  observance: string | null;
  parent_id: number | null;
  year: number;
  name: string;
  starts_on: string;
  ends_on: string;
  launch_on: string | null;
  plan_id: number | null;
  note: string | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}
export type CampaignRow = Selectable<CampaignsTable>;

export interface ActivityImportsTable {
  id: Generated<number>;
  org_unit_id: number;
  file_name: string;
  sha256: string;
  copy: Generated<number>;
  row_count: number;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface ActivitiesTable {
  id: Generated<number>;
  org_unit_id: number;
  kind: string;
  title: string;
  starts_on: string;
  ends_on: string;
  place_unit_id: number | null;
  place_text: string | null;
  campaign_id: number | null;
  age_group: string | null;
  /** jsonb: TargetGroup[] */
  target_groups: Generated<unknown>;
  cost_state: Generated<number>;
  cost_non_state: Generated<number>;
  minority_language: Generated<boolean>;
  note: string | null;
  import_id: number | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_by: number | null;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
  deleted_by: number | null;
}
export type ActivityDbRow = Selectable<ActivitiesTable>;

export interface ActivityParticipantsTable {
  activity_id: number;
  disaggregation: string;
  value: number;
}

export interface ActivityTasksTable {
  activity_id: number;
  item_id: number;
}

export interface ActivityFilesTable {
  id: Generated<number>;
  activity_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}

export interface ReportActivitySnapshotsTable {
  submission_id: number;
  revision: number;
  frozen_at: Date;
  /** jsonb: ActivityFact[] (reporting.activity-tables.ts) */
  activities: unknown;
  /** jsonb: the tables with the activity ids behind each cell */
  tables: unknown;
}

/** One row: which catalogue a process's cached copy must match (migration 0010). */
export interface CatalogueVersionTable {
  /** Tells one database from another (tests open many in one process). */
  id: string;
  /** bigint: read as a string by pg */
  version: number | string;
}
