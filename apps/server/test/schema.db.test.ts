import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/modules/app/database.ts';
import type { Database } from '../src/modules/app/database.types.ts';
import { migrate } from '../src/modules/app/migrations.ts';
import { createTestDatabase, describeEachEngine } from './test-database.ts';

// The columns database.types.ts declares, table by table; kept in step with the migrations by this test.
const declared: { [T in keyof Database]: (keyof Database[T])[] } = {
  org_units: [
    'id',
    'code',
    'name',
    'search_name',
    'kind',
    'parent_id',
    'path',
    'valid_from',
    'valid_to',
    'created_at',
    'updated_at',
  ],
  org_unit_names: ['id', 'org_unit_id', 'name', 'valid_from', 'valid_to'],
  lineage_events: [
    'id',
    'kind',
    'effective_on',
    'from_unit_id',
    'to_unit_id',
    'note',
    'created_by',
    'created_at',
  ],
  users: [
    'id',
    'username',
    'display_name',
    'password_hash',
    'is_active',
    'totp_secret',
    'totp_enabled',
    'failed_login_count',
    'last_failed_login_at',
    'locked_until',
    'last_login_at',
    'password_changed_at',
    'created_at',
    'updated_at',
    'email',
  ],
  role_grants: ['id', 'user_id', 'role', 'org_unit_id', 'created_by', 'created_at'],
  sessions: ['id', 'user_id', 'csrf_token', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'],
  audit_log: [
    'id',
    'at',
    'actor_user_id',
    'action',
    'entity_type',
    'entity_id',
    'org_unit_id',
    'before',
    'after',
    'ip',
  ],
  schema_migrations: ['version', 'applied_at'],
  legal_documents: [
    'id',
    'kind',
    'number',
    'number_key',
    'issued_on',
    'issuer',
    'title',
    'search_text',
    'created_by',
    'created_at',
  ],
  plans: [
    'id',
    'org_unit_id',
    'kind',
    'number',
    'symbol',
    'title',
    'year',
    'place',
    'issued_on',
    'status',
    'origin',
    'parent_plan_id',
    'supersedes_plan_id',
    'version',
    'purpose',
    'budget',
    'implementation',
    'reporting_regime',
    'recipients',
    'signer',
    'cascade_due_on',
    'revision',
    'search_text',
    'created_by',
    'created_at',
    'updated_at',
    'issued_by',
    'issued_at',
    'issuer_name',
    'import_id',
  ],
  plan_bases: ['plan_id', 'legal_document_id', 'position'],
  plan_items: [
    'id',
    'plan_id',
    'parent_id',
    'position',
    'ref',
    'title',
    'body',
    'is_task',
    'time_kind',
    'starts_on',
    'due_on',
    'time_text',
    'expected_output',
    'programme',
    'indicator_codes',
    'source_item_id',
    'previous_version_item_id',
  ],
  task_assignments: ['id', 'item_id', 'role', 'org_unit_id', 'unit_name', 'position'],
  task_progress: [
    'id',
    'item_id',
    'org_unit_id',
    'status',
    'percent',
    'note',
    'links',
    'revision',
    'updated_by',
    'updated_at',
  ],
  task_progress_history: ['id', 'progress_id', 'status', 'percent', 'note', 'changed_by', 'changed_at'],
  attachments: [
    'id',
    'progress_id',
    'file_name',
    'content_type',
    'size_bytes',
    'sha256',
    'storage_key',
    'uploaded_by',
    'uploaded_at',
  ],
  plan_imports: [
    'id',
    'org_unit_id',
    'file_name',
    'content_sha256',
    'source_text',
    'result',
    'status',
    'plan_id',
    'created_by',
    'created_at',
    'accepted_at',
  ],
  plan_events: ['id', 'plan_id', 'name', 'starts_on', 'ends_on'],
  reporting_duties: ['id', 'plan_id', 'org_unit_id', 'kind', 'due_on', 'recipient', 'created_at'],
  disaggregation_categories: ['id', 'code', 'name', 'name_en', 'total_option'],
  disaggregation_options: ['id', 'category_id', 'code', 'name', 'name_en', 'position'],
  category_combos: ['id', 'code', 'name', 'categories'],
  data_elements: [
    'id',
    'code',
    'name',
    'short_name',
    'value_type',
    'aggregation',
    'category_combo_id',
    'description',
    'created_at',
  ],
  data_entry_forms: ['id', 'code', 'name', 'period_type', 'data_elements'],
  indicators: [
    'id',
    'code',
    'objective',
    'name',
    'unit',
    'direction',
    'numerator',
    'denominator',
    'factor',
    'decimals',
    'source',
    'confidence',
    'note',
    'position',
    'created_at',
  ],
  validation_rules: [
    'id',
    'code',
    'kind',
    'name',
    'importance',
    'left_side',
    'operator',
    'right_side',
    'threshold',
  ],
  indicator_targets: [
    'id',
    'indicator_id',
    'org_unit_id',
    'year',
    'operator',
    'value',
    'source',
    'updated_by',
    'updated_at',
  ],
  data_values: [
    'id',
    'data_element_id',
    'org_unit_id',
    'period',
    'disaggregation',
    'value',
    'comment',
    'updated_by',
    'updated_at',
  ],
  data_value_history: [
    'id',
    'data_element_id',
    'org_unit_id',
    'period',
    'disaggregation',
    'action',
    'value',
    'previous_value',
    'comment',
    'changed_by',
    'changed_at',
  ],
  report_templates: [
    'id',
    'code',
    'version',
    'kind',
    'name',
    'period_type',
    'outline',
    'tables',
    'is_current',
    'created_at',
  ],
  report_rounds: [
    'id',
    'template_id',
    'consolidating_unit_id',
    'parent_round_id',
    'title',
    'period',
    'cut_off_from',
    'cut_off_to',
    'due_on',
    'due_at',
    'created_by',
    'created_at',
  ],
  report_submissions: [
    'id',
    'round_id',
    'org_unit_id',
    'status',
    'revision',
    'narrative',
    'first_submitted_at',
    'submitted_at',
    'accepted_at',
    'updated_by',
    'updated_at',
  ],
  report_submission_events: [
    'id',
    'submission_id',
    'action',
    'from_status',
    'to_status',
    'comment',
    'actor_user_id',
    'at',
  ],
  notifications: [
    'id',
    'user_id',
    'org_unit_id',
    'kind',
    'round_id',
    'submission_id',
    'title',
    'body',
    'event_key',
    'created_at',
    'read_at',
  ],
  outbox: [
    'id',
    'event_key',
    'user_id',
    'org_unit_id',
    'recipient',
    'subject',
    'body',
    'status',
    'attempts',
    'last_error',
    'claim_token',
    'claimed_at',
    'created_at',
    'sent_at',
  ],
};

describeEachEngine('database schema', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle?.close());

  it('matches the hand-written table types', async () => {
    const rows = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() order by table_name, ordinal_position`.execute(handle.db);
    const actual: Record<string, string[]> = {};
    for (const row of rows.rows) {
      actual[row.table_name] ??= [];
      actual[row.table_name]!.push(row.column_name);
    }
    expect(actual).toEqual(declared);
  });

  it('applies each migration once', async () => {
    expect(await migrate(handle.db)).toEqual([]);
  });

  it('rolls back a transaction as a whole under concurrent requests on the same engine', async () => {
    const failing = handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('org_units')
        .values({
          code: 'tx-a',
          name: 'A',
          search_name: 'a',
          kind: 'agency',
          parent_id: null,
          valid_from: null,
          valid_to: null,
        })
        .execute();
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('abort');
    });
    const concurrent = handle.db
      .insertInto('org_units')
      .values({
        code: 'tx-b',
        name: 'B',
        search_name: 'b',
        kind: 'agency',
        parent_id: null,
        valid_from: null,
        valid_to: null,
      })
      .execute();
    await expect(failing).rejects.toThrow('abort');
    await concurrent;
    const codes = (await handle.db.selectFrom('org_units').select('code').execute()).map((row) => row.code);
    expect(codes).toEqual(['tx-b']);
  });
});
