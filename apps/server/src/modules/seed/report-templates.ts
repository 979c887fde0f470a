import type {
  ActivityTableDefinition,
  AppendixTableDefinition,
  OutlineSection,
  ReportKind,
} from '@binhdang/contracts';
import type { Db } from '../app/database.ts';

/*
 * The report templates the plans in ../shared/fixtures/plans ask for: the 6-month and annual
 * reports on gender equality and the advancement of women (Lai Châu 2026, Tuần Giáo 2022), the
 * committee-activity report of the Ban VSTBPN and the self-inspection report (Nghệ An 2024), and
 * the Action Month report. Appendix tables use data elements of the seeded catalogue
 * (indicators.ts). Seeding adds a template whose code is missing and never touches an existing
 * one: changing a template is a new version.
 */

interface TemplateSeed {
  code: string;
  kind: ReportKind;
  name: string;
  periodType: 'year' | 'half_year' | 'any';
  outline: OutlineSection[];
  tables: AppendixTableDefinition[];
  /** Stored after the figure tables, in `report_templates.tables` (`source: 'activities'`). */
  activityTables?: ActivityTableDefinition[];
}

const section = (key: string, title: string, guidance: string | null = null): OutlineSection => ({
  key,
  level: key.includes('.') ? 2 : 1,
  title,
  guidance,
});

const activityTable: AppendixTableDefinition = {
  code: 'PL01',
  title: 'Phụ lục 01. Kết quả hoạt động truyền thông, tập huấn về bình đẳng giới',
  dataElements: ['TT_SO_CUOC', 'TT_NGUOI_THAM_GIA', 'TH_SO_LOP', 'TH_NGUOI_THAM_GIA'],
};

const violenceTable: AppendixTableDefinition = {
  code: 'PL02',
  title: 'Phụ lục 02. Phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
  dataElements: ['BL_PHAT_HIEN', 'BL_DUOC_HO_TRO', 'BL_GAY_BL_PHAT_HIEN', 'BL_GAY_BL_TU_VAN'],
};

const strategyTable: AppendixTableDefinition = {
  code: 'PL03',
  title: 'Phụ lục 03. Số liệu các chỉ tiêu Chiến lược quốc gia về bình đẳng giới',
  dataElements: [
    'CQ_TONG',
    'CQ_LANH_DAO_NU',
    'LD_CO_VIEC_LAM',
    'LD_HUONG_LUONG',
    'DN_CHU',
    'MB_CO_NHU_CAU',
    'MB_DUOC_HO_TRO',
    'TRE_SINH_SONG',
  ],
};

/*
 * Tables filled from the activity log (reporting.activity-tables.ts); migration 0007 adds them to
 * templates seeded before it as a new version.
 */
const activitiesByKind: ActivityTableDefinition = {
  source: 'activities',
  code: 'HD01',
  title: 'Số hoạt động và người tham gia theo loại hoạt động',
  layout: 'by_kind',
};
const costBySource: ActivityTableDefinition = {
  source: 'activities',
  code: 'HD02',
  title: 'Kinh phí theo nguồn',
  layout: 'cost_by_source',
};
const actionMonthTables: ActivityTableDefinition[] = [
  { ...activitiesByKind, title: `${activitiesByKind.title} (Tháng hành động)`, observance: 'action_month' },
  { ...costBySource, title: `${costBySource.title} (Tháng hành động)`, observance: 'action_month' },
];

function resultOutline(closing: string): OutlineSection[] {
  return [
    section(
      '1',
      'I. Công tác chỉ đạo, điều hành',
      'Việc ban hành kế hoạch, văn bản chỉ đạo, hướng dẫn triển khai công tác bình đẳng giới và vì sự tiến bộ của phụ nữ; kiện toàn Ban vì sự tiến bộ của phụ nữ; bố trí cán bộ làm công tác bình đẳng giới.',
    ),
    section('2', 'II. Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ', null),
    section(
      '2.1',
      '1. Công tác thông tin, truyền thông, giáo dục về bình đẳng giới',
      'Số cuộc, hình thức, số người tham gia (phân theo giới tính, dân tộc) — số liệu ghi tại Phụ lục 01.',
    ),
    section(
      '2.2',
      '2. Tập huấn, bồi dưỡng kiến thức về bình đẳng giới',
      'Số lớp, đối tượng, số người tham gia (tổng số, trong đó nữ).',
    ),
    section(
      '2.3',
      '3. Lồng ghép vấn đề bình đẳng giới trong xây dựng và thực hiện chính sách, kế hoạch',
      null,
    ),
    section(
      '2.4',
      '4. Phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
      'Tình hình phát hiện, hỗ trợ người bị bạo lực; tư vấn người gây bạo lực — số liệu ghi tại Phụ lục 02.',
    ),
    section('2.5', '5. Công tác cán bộ nữ; phụ nữ tham gia lãnh đạo, quản lý', null),
    section('2.6', '6. Thanh tra, kiểm tra, giám sát việc thực hiện pháp luật về bình đẳng giới', null),
    section('3', 'III. Đánh giá chung', 'Ưu điểm; tồn tại, hạn chế và nguyên nhân.'),
    section('4', 'IV. Khó khăn, vướng mắc', null),
    section('5', closing, null),
    section('6', 'VI. Đề xuất, kiến nghị', 'Với Ủy ban nhân dân tỉnh, các bộ, ngành trung ương.'),
  ];
}

export const reportTemplates: TemplateSeed[] = [
  {
    code: 'BDG_6_THANG',
    kind: 'six_month',
    name: 'Báo cáo kết quả thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm',
    periodType: 'half_year',
    outline: resultOutline('V. Phương hướng, nhiệm vụ 6 tháng cuối năm'),
    tables: [activityTable, violenceTable],
    activityTables: [activitiesByKind, costBySource],
  },
  {
    code: 'BDG_NAM',
    kind: 'annual',
    name: 'Báo cáo kết quả thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm',
    periodType: 'year',
    outline: resultOutline('V. Phương hướng, nhiệm vụ năm tiếp theo'),
    tables: [activityTable, violenceTable, strategyTable],
    activityTables: [activitiesByKind, costBySource],
  },
  {
    code: 'BAN_VSTBPN',
    kind: 'committee',
    name: 'Báo cáo kết quả hoạt động của Ban vì sự tiến bộ của phụ nữ',
    periodType: 'any',
    outline: [
      section(
        '1',
        'I. Tình hình kiện toàn tổ chức, quy chế hoạt động của Ban vì sự tiến bộ của phụ nữ',
        'Quyết định kiện toàn, số thành viên (trong đó nữ), phân công nhiệm vụ thành viên.',
      ),
      section('2', 'II. Kết quả hoạt động', null),
      section('2.1', '1. Ban hành chương trình, kế hoạch công tác của Ban', null),
      section('2.2', '2. Tham mưu thực hiện công tác cán bộ nữ', null),
      section('2.3', '3. Kiểm tra, giám sát hoạt động vì sự tiến bộ của phụ nữ', null),
      section(
        '2.4',
        '4. Tình trạng bạo lực, xâm hại phụ nữ và trẻ em gái; những vấn đề tác động tiêu cực đến sự phát triển của phụ nữ',
        null,
      ),
      section('3', 'III. Khó khăn, vướng mắc', null),
      section('4', 'IV. Phương hướng hoạt động kỳ tới', null),
      section('5', 'V. Đề xuất, kiến nghị', null),
    ],
    tables: [
      {
        code: 'PL01',
        title: 'Phụ lục 01. Lãnh đạo chủ chốt là nữ',
        dataElements: ['CQ_TONG', 'CQ_LANH_DAO_NU'],
      },
    ],
  },
  {
    code: 'TU_KIEM_TRA',
    kind: 'self_inspection',
    name: 'Báo cáo kết quả tự kiểm tra công tác bình đẳng giới và vì sự tiến bộ của phụ nữ',
    periodType: 'year',
    outline: [
      section('1', 'I. Đặc điểm tình hình', null),
      section('2', 'II. Kết quả tự kiểm tra', null),
      section('2.1', '1. Công tác chỉ đạo, ban hành văn bản, kế hoạch', null),
      section('2.2', '2. Thực hiện các mục tiêu, chỉ tiêu về bình đẳng giới được giao', null),
      section('2.3', '3. Bố trí nguồn lực, kinh phí cho công tác bình đẳng giới', null),
      section('2.4', '4. Thực hiện chế độ thông tin, báo cáo', null),
      section('3', 'III. Tồn tại, hạn chế và nguyên nhân', null),
      section('4', 'IV. Biện pháp khắc phục và kiến nghị', null),
    ],
    tables: [],
  },
  {
    code: 'THANG_HANH_DONG',
    kind: 'action_month',
    name: 'Báo cáo kết quả triển khai Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
    periodType: 'year',
    outline: [
      section('1', 'I. Công tác chỉ đạo, hướng dẫn triển khai Tháng hành động', null),
      section(
        '2',
        'II. Kết quả các hoạt động hưởng ứng',
        'Lễ phát động; truyền thông, tọa đàm, hội thi; hỗ trợ phụ nữ và trẻ em gái; các mô hình, câu lạc bộ (từ 15/11 đến 15/12).',
      ),
      section('3', 'III. Đánh giá chung', null),
      section('4', 'IV. Đề xuất, kiến nghị', null),
    ],
    tables: [activityTable],
    activityTables: actionMonthTables,
  },
];

/** Adds the templates whose code is missing (version 1); never overwrites. */
export async function seedReportTemplates(db: Db): Promise<{ added: number }> {
  let added = 0;
  for (const template of reportTemplates) {
    const inserted = await db
      .insertInto('report_templates')
      .values({
        code: template.code,
        version: 1,
        kind: template.kind,
        name: template.name,
        period_type: template.periodType,
        outline: JSON.stringify(template.outline),
        tables: JSON.stringify([...template.tables, ...(template.activityTables ?? [])]),
      })
      .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) added += 1;
  }
  return { added };
}
