import type { LegalDocumentInput, TaskTime } from '@binhdang/contracts';

/*
 * What the demo database holds for plans: Lai Châu's 2026 year as the issued documents and the
 * progress a newcomer finds on opening the demo in November 2026. Only data; demo-plans.ts
 * writes it through the plan and task services.
 *
 * Sources:
 * - The province plan is ../shared/fixtures/plans/001_313e71faf7f6eb78.txt (UBND tỉnh Lai Châu,
 *   plan for 2026) in its own words: lines split by page breaks are joined, and two slips of the
 *   printed text are mended ("đơn đốc" → "đôn đốc", "về việc về việc" → "về việc"). Who leads
 *   and who supports each task is not printed there (the plan refers to an appendix); the
 *   assignment below is the demo's, by each agency's remit after the 2025 reorganisation.
 * - The Labour Federation's plan follows ../shared/fixtures/plans/003_c1d77a6eea569971.txt
 *   (334/KH-LĐLĐ, 2022) and 000_16fa7090ba7735be.txt (its 2024 plan, for the report dates
 *   30/5 and 30/11), written for 2026.
 * - The child plans of the Women's Union, Xã Mường Tè, the education trade union and Sở Nội vụ
 *   are the demo's own, in the wording of those documents.
 * - Units: ../shared/data/lai-chau-structure.json and vn-units-2026.json; indicator codes:
 *   indicators-nq28.json; the Action Month's dates: observances.json; the federation's report
 *   dates: reporting-regime.json (all in ../shared/data).
 */

export type DemoPlanKey =
  | 'province'
  | 'federation'
  | 'womenUnion'
  | 'muongTe'
  | 'educationUnion'
  | 'homeAffairs';

/** Registry names of the seeded units (../shared/data/lai-chau-structure.json, vn-units-2026.json). */
export const units = {
  province: 'Tỉnh Lai Châu',
  office: 'Văn phòng Ủy ban nhân dân tỉnh',
  homeAffairs: 'Sở Nội vụ',
  finance: 'Sở Tài chính',
  justice: 'Sở Tư pháp',
  agriculture: 'Sở Nông nghiệp và Môi trường',
  education: 'Sở Giáo dục và Đào tạo',
  health: 'Sở Y tế',
  culture: 'Sở Văn hóa, Thể thao và Du lịch',
  ethnicAffairs: 'Sở Dân tộc và Tôn giáo',
  inspectorate: 'Thanh tra tỉnh',
  police: 'Công an tỉnh',
  media: 'Báo và Phát thanh, Truyền hình Lai Châu',
  womenUnion: 'Hội Liên hiệp Phụ nữ tỉnh',
  labourFederation: 'Liên đoàn Lao động tỉnh',
  youthUnion: 'Tỉnh đoàn',
  farmersUnion: 'Hội Nông dân tỉnh',
  advancementCommittee: 'Ban vì sự tiến bộ của phụ nữ tỉnh',
  civilServantsUnion: 'Công đoàn Viên chức tỉnh',
  educationUnion: 'Công đoàn ngành Giáo dục',
  healthUnion: 'Công đoàn ngành Y tế',
  muongTe: 'Xã Mường Tè',
  bumTo: 'Xã Bum Tở',
  tanPhong: 'Phường Tân Phong',
  doanKet: 'Phường Đoàn Kết',
} as const;

/** Units named in the brief by code, checked against the registry when the seed runs. */
export const expectedUnitCodes: Record<string, string> = {
  [units.province]: '12',
  [units.muongTe]: '03445',
  [units.bumTo]: '03433',
  [units.tanPhong]: '03408',
  [units.doanKet]: '03388',
};

export interface DemoTask {
  time: TaskTime;
  /** The time as the document words it; without it the printed plan words the structured time. */
  timeText?: string | null;
  /** Unit names; in a cascaded plan a carried task is led by the plan's own unit unless this says otherwise. */
  lead?: string[];
  support?: string[];
  expectedOutput?: string;
  programme?: string;
  indicatorCodes?: string[];
}

export interface DemoItem {
  /** Unique in its plan; progress and child plans point at tasks by it. */
  key: string;
  ref: string;
  title: string;
  body?: string;
  task?: DemoTask;
  /**
   * In a cascaded plan: the key of the parent plan's task this item carries out. The item is a
   * task even without `task`, with the parent task's time unless `task.time` says otherwise.
   */
  carries?: string;
  children?: DemoItem[];
}

export interface DemoPlan {
  key: DemoPlanKey;
  unit: string;
  /** Made from this plan (cascade): its tasks for `unit` come pre-filled, and it is the first basis. */
  parent: DemoPlanKey | null;
  title: string;
  symbol: string;
  place: string;
  /** Further documents cited as bases, registered in the legal-document registry. */
  bases: LegalDocumentInput[];
  /** The day the draft was written (the services' clock is set to it). */
  writtenOn: string;
  /** Null for a plan still in draft. */
  issue: { number: string; issuedOn: string } | null;
  /**
   * The body that signs for the unit ("Ủy ban nhân dân tỉnh Lai Châu" for Tỉnh Lai Châu): the
   * issued plan is registered as a document of that body, so plans made from it cite it so.
   */
  issuingBody?: string;
  cascadeDueOn: string | null;
  recipients: string[];
  signer: { authority: string | null; deputy: string | null; position: string | null; name: string | null };
  /** In a cascaded plan, where carried tasks this outline does not place go (an item key). */
  carriedTasksUnder?: string;
  items: DemoItem[];
}

const year = 2026;
const ongoing: TaskTime = { kind: 'ongoing' };
const quarter = (value: number): TaskTime => ({ kind: 'quarter', year, quarter: value });
const before = (due: string): TaskTime => ({ kind: 'date', due });
const on = (due: string): TaskTime => ({ kind: 'date', due });
const actionMonth: TaskTime = { kind: 'range', from: '2026-11-15', to: '2026-12-15' };

const programmes = {
  communication: 'Chương trình Truyền thông về bình đẳng giới đến năm 2030',
  violence: 'Chương trình phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2026 - 2030',
  leadership:
    'Chương trình Tăng cường sự tham gia bình đẳng của phụ nữ vào vị trí lãnh đạo và quản lý ở các cấp hoạch định chính sách giai đoạn 2021 - 2030',
  targetedProgrammes:
    'Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035',
};

/** Units that answer the annual report of the province plan (IV.3). */
const reportingUnits = [
  units.justice,
  units.culture,
  units.health,
  units.education,
  units.police,
  units.media,
  units.womenUnion,
  units.labourFederation,
  units.youthUnion,
  units.muongTe,
  units.bumTo,
  units.tanPhong,
  units.doanKet,
];

/*
 * 1. UBND tỉnh Lai Châu's plan for 2026 (fixture 001). The printed plan leaves number and day
 * blank ("Số: /KH-UBND", "ngày tháng 4 năm 2026"); the demo issues it as 1385/KH-UBND on
 * 14/4/2026. UBND tỉnh numbers all its outgoing documents in one register per year (the basis
 * 8416/KH-UBND is of 26/12/2025), so a mid-April number runs in the low thousands.
 */
export const provincePlan: DemoPlan = {
  key: 'province',
  unit: units.province,
  parent: null,
  title: 'Thực hiện công tác bình đẳng giới và Vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu năm 2026',
  symbol: 'KH-UBND',
  place: 'Lai Châu',
  bases: [
    {
      kind: 'Kế hoạch',
      number: '8416/KH-UBND',
      issuedOn: '2025-12-26',
      issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
      title: 'Thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Lai Châu giai đoạn 2026-2030',
    },
    {
      kind: 'Công văn',
      number: '2855/BNV-CTTN&BDG',
      issuedOn: '2026-03-27',
      issuer: 'Bộ Nội vụ',
      title: 'Hướng dẫn triển khai công tác bình đẳng giới năm 2026',
    },
  ],
  writtenOn: '2026-04-08',
  issue: { number: '1385', issuedOn: '2026-04-14' },
  issuingBody: 'Ủy ban nhân dân tỉnh Lai Châu',
  cascadeDueOn: '2026-05-15',
  recipients: [
    'Bộ Nội vụ',
    'Chủ tịch UBND tỉnh (B/c)',
    'Các sở, ban, ngành tỉnh',
    'UBND các xã, phường',
    'Báo và Phát thanh, truyền hình tỉnh',
    'Cổng thông tin điện tử tỉnh',
    'Lưu: VT, Vx3',
  ],
  signer: {
    authority: 'TM. ỦY BAN NHÂN DÂN',
    deputy: 'KT. CHỦ TỊCH',
    position: 'PHÓ CHỦ TỊCH',
    name: 'Tổng Thanh Hải',
  },
  items: [
    {
      key: 'I',
      ref: 'I.',
      title: 'MỤC ĐÍCH, YÊU CẦU',
      children: [
        {
          key: 'I.1',
          ref: '1.',
          title: 'Mục đích',
          body: 'Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng, chính quyền, các sở, ban, ngành, địa phương trong việc triển khai thực hiện công tác bình đẳng giới và Vì sự tiến bộ của phụ nữ; nâng cao trách nhiệm, đồng thời đẩy mạnh sự phối hợp giữa các cơ quan, đơn vị trong tổ chức thực hiện nhằm thu hẹp khoảng cách giới, tạo điều kiện và cơ hội để phụ nữ và nam giới được tham gia, thụ hưởng bình đẳng trong các lĩnh vực của đời sống xã hội.',
        },
        {
          key: 'I.2',
          ref: '2.',
          title: 'Yêu cầu',
          body: [
            '- Đẩy mạnh công tác thông tin, tuyên truyền, phổ biến và vận động nhân dân thực hiện chủ trương của Đảng, chính sách, pháp luật của nhà nước; triển khai hiệu quả Chiến lược quốc gia về bình đẳng giới và các chương trình, dự án, kế hoạch liên quan đến công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh.',
            '- Phấn đấu hoàn thành các mục tiêu, chỉ tiêu của Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2026–2030 trên địa bàn tỉnh.',
            '- Việc tổ chức triển khai các hoạt động phải bảo đảm thiết thực, hiệu quả, có tính sáng tạo, phù hợp với điều kiện thực tiễn của từng cơ quan, đơn vị và địa phương.',
            '- Gắn việc triển khai thực hiện kế hoạch với các mục tiêu, chỉ tiêu cụ thể; bảo đảm theo dõi, đánh giá kết quả thực hiện một cách định lượng, thực chất, phục vụ công tác quản lý, chỉ đạo, điều hành.',
          ].join('\n'),
        },
      ],
    },
    {
      key: 'II',
      ref: 'II.',
      title: 'NỘI DUNG THỰC HIỆN',
      children: [
        {
          key: 'II.1',
          ref: '1.',
          title:
            'Xây dựng, ban hành và tổ chức thực hiện văn bản quy phạm pháp luật về bình đẳng giới; lồng ghép vấn đề bình đẳng giới trong xây dựng văn bản quy phạm pháp luật, kế hoạch và tổ chức triển khai các chiến lược, chương trình phát triển kinh tế - xã hội',
          children: [
            {
              key: 'p1a',
              ref: '-',
              title:
                'Tiếp tục thực hiện việc lồng ghép vấn đề bình đẳng giới trong quá trình xây dựng văn bản quy phạm pháp luật; xây dựng kế hoạch và tổ chức triển khai các chiến lược, chương trình, đề án, dự án phát triển kinh tế - xã hội.',
              task: {
                time: ongoing,
                timeText: 'Thường xuyên',
                lead: [units.justice],
                support: [units.homeAffairs],
              },
            },
            {
              key: 'p1b',
              ref: '-',
              title:
                'Tăng cường rà soát, kiến nghị hoàn thiện hệ thống chính sách, pháp luật nhằm bảo đảm nguyên tắc bình đẳng giới trên các lĩnh vực của đời sống kinh tế - xã hội trong điều kiện mới.',
              task: {
                time: ongoing,
                timeText: 'Thường xuyên',
                lead: [units.homeAffairs],
                support: [units.justice],
              },
            },
            {
              key: 'p1c',
              ref: '-',
              title:
                'Thực hiện rà soát các văn bản quy phạm pháp luật do Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành có nội dung liên quan đến bình đẳng giới và vì sự tiến bộ của phụ nữ; kịp thời tham mưu ban hành mới, sửa đổi, bổ sung bảo đảm phù hợp với quy định của pháp luật về bình đẳng giới.',
              task: {
                time: quarter(2),
                timeText: 'Quý II/2026',
                lead: [units.justice],
                support: [units.homeAffairs, units.office],
                expectedOutput: 'Báo cáo kết quả rà soát; danh mục văn bản kiến nghị sửa đổi, bổ sung',
              },
            },
          ],
        },
        {
          key: 'II.2',
          ref: '2.',
          title:
            'Đẩy mạnh các hoạt động thông tin, tuyên truyền, giáo dục chính sách, pháp luật về bình đẳng giới và Vì sự tiến bộ của phụ nữ',
          children: [
            {
              key: 'p2a',
              ref: '-',
              title:
                'Tiếp tục đẩy mạnh công tác thông tin, tuyên truyền nhằm nâng cao nhận thức, vai trò và trách nhiệm của các cấp ủy Đảng, chính quyền, các sở, ban, ngành trong lãnh đạo, chỉ đạo thực hiện công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ. Đồng thời, tăng cường tuyên truyền, phổ biến, giáo dục và vận động nhân dân thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của nhà nước liên quan đến bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh; ưu tiên triển khai tại vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số.',
              task: {
                time: ongoing,
                timeText: 'Thường xuyên',
                lead: [units.culture],
                support: [
                  units.homeAffairs,
                  units.media,
                  units.womenUnion,
                  units.labourFederation,
                  units.youthUnion,
                  units.muongTe,
                  units.bumTo,
                  units.tanPhong,
                  units.doanKet,
                ],
                programme: programmes.communication,
              },
            },
            {
              key: 'II.2.b',
              ref: '-',
              title:
                'Nội dung truyền thông tập trung vào các lĩnh vực trọng tâm như: Nâng cao tỷ lệ phụ nữ tham gia lãnh đạo, quản lý; vị trí, vai trò của phụ nữ; định kiến giới trong lựa chọn nghề nghiệp, phân công lao động, việc làm và vai trò trong gia đình; phòng, chống bạo lực trên cơ sở giới, đặc biệt là bạo lực đối với phụ nữ và trẻ em gái trong gia đình, tại nơi công cộng và trên không gian mạng; giảm thiểu mất cân bằng giới tính khi sinh; xóa bỏ các hủ tục, tập quán lạc hậu, gây cản trở việc thực hiện quyền bình đẳng của phụ nữ và nam giới.',
            },
            {
              key: 'p2c',
              ref: '-',
              title:
                'Đa dạng hóa các hình thức thông tin, tuyên truyền, giáo dục bảo đảm phù hợp, hiệu quả, như: thông qua hội nghị, hội thảo, tọa đàm, tập huấn; các buổi nói chuyện chuyên đề; tổ chức các cuộc thi; truyền thông trực tiếp tại cơ sở; các phương tiện thông tin đại chúng, trang thông tin điện tử; xây dựng và phát hành các sản phẩm truyền thông; lồng ghép trong sinh hoạt của các câu lạc bộ; triển khai trong chương trình giáo dục tại nhà trường và các cơ sở giáo dục thuộc hệ thống giáo dục quốc dân.... Tăng cường thực hiện chuyển đổi số, ứng dụng công nghệ thông tin, các mạng xã hội trong truyền thông để tiếp cận tới người dân được nhiều hơn, nhanh hơn, hiệu quả hơn.',
              task: {
                time: ongoing,
                timeText: 'Thường xuyên',
                lead: [units.media],
                support: [units.culture, units.youthUnion],
                programme: programmes.communication,
              },
            },
          ],
        },
        {
          key: 'II.3',
          ref: '3.',
          title: 'Tiếp tục triển khai có hiệu quả Chiến lược quốc gia về bình đẳng giới giai đoạn 2026-2030',
          children: [
            {
              key: 'p3a',
              ref: '-',
              title:
                'Tiếp tục triển khai lồng ghép các mục tiêu, chỉ tiêu bình đẳng giới vào kế hoạch phát triển kinh tế - xã hội của cơ quan, đơn vị, địa phương trên tất cả các lĩnh vực của đời sống xã hội, trọng tâm là các lĩnh vực kinh tế, chính trị, giáo dục đào tạo, lao động, y tế...',
              task: {
                time: ongoing,
                timeText: 'Thường xuyên',
                lead: [units.finance],
                support: [units.homeAffairs],
              },
            },
            {
              // Every unit's own plan: followed by the cascade and its deadline, not as a task.
              key: 'II.3.b',
              ref: '-',
              title:
                'Các cơ quan, đơn vị, địa phương căn cứ Kế hoạch số 8416/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân tỉnh Lai Châu về việc thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Lai Châu giai đoạn 2026-2030 để xây dựng Kế hoạch triển khai của cơ quan, đơn vị địa phương; bảo đảm phù hợp với kết quả đạt được, những tồn tại, hạn chế trong giai đoạn 2021-2025, đồng thời đáp ứng yêu cầu thực tiễn và các mục tiêu, chỉ tiêu chung của quốc gia.',
            },
            {
              key: 'p3c',
              ref: '-',
              title:
                'Quan tâm công tác quy hoạch, đào tạo, bồi dưỡng, bổ nhiệm cán bộ nữ; bảo đảm tỷ lệ nữ tham gia lãnh đạo, quản lý theo quy định; đồng thời chú trọng triển khai các chính sách phát triển thị trường lao động, đào tạo nghề, mở rộng cơ hội việc làm bền vững cho phụ nữ.',
              task: {
                time: ongoing,
                timeText: 'Thường xuyên',
                lead: [units.homeAffairs],
                support: [units.labourFederation, units.womenUnion],
                indicatorCodes: ['MT1.CT1', 'MT2.CT1'],
              },
            },
            {
              key: 'p3d',
              ref: '-',
              title:
                'Tăng cường các giải pháp nhằm giảm tỷ suất sinh ở vị thành niên và kiểm soát mất cân bằng giới tính khi sinh, đặc biệt tại khu vực nông thôn, miền núi; đưa nội dung về giới và bình đẳng giới vào chương trình giảng dạy ở các cấp học theo quy định.',
              task: {
                time: ongoing,
                timeText: 'Thường xuyên',
                lead: [units.health, units.education],
                support: [units.youthUnion],
                indicatorCodes: ['MT4.CT1'],
              },
            },
          ],
        },
        {
          key: 'II.4',
          ref: '4.',
          title:
            'Tổ chức triển khai các chương trình nhằm thúc đẩy thực hiện bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới và các chương trình, dự án liên quan',
          children: [
            {
              key: 'II.4.1',
              ref: '4.1.',
              title:
                'Chương trình Truyền thông về bình đẳng giới đến năm 2030 (Quyết định số 1790/QĐ-TTg ngày 23/10/2021 của Thủ tướng Chính phủ)',
              children: [
                {
                  key: 'p41a',
                  ref: '-',
                  title:
                    'Xây dựng Kế hoạch và tổ chức triển khai, thực hiện Chương trình Truyền thông về bình đẳng giới giai đoạn 2026 - 2030 phù hợp với điều kiện thực tiễn của cơ quan, đơn vị, địa phương; bảo đảm bám sát mục tiêu, chỉ tiêu chung của quốc gia trên cơ sở đánh giá kết quả đạt được, những tồn tại, hạn chế trong giai đoạn 2021 - 2025.',
                  task: {
                    time: quarter(2),
                    timeText: 'Quý II/2026',
                    lead: [units.homeAffairs],
                    support: [units.culture],
                    programme: programmes.communication,
                    expectedOutput: 'Kế hoạch thực hiện Chương trình giai đoạn 2026 - 2030 của UBND tỉnh',
                  },
                },
                {
                  key: 'p41b',
                  ref: '-',
                  title:
                    'Xây dựng kế hoạch và tổ chức triển khai Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2026 bảo đảm thiết thực, hiệu quả, có tính sáng tạo, phù hợp với điều kiện, tình hình cụ thể của cơ quan, đơn vị, địa phương (sau khi có văn bản hướng dẫn của Bộ Nội vụ).',
                  task: {
                    time: actionMonth,
                    timeText: 'Từ ngày 15/11 đến ngày 15/12/2026',
                    lead: [units.homeAffairs],
                    support: [
                      units.culture,
                      units.health,
                      units.police,
                      units.womenUnion,
                      units.labourFederation,
                      units.youthUnion,
                      units.media,
                      units.muongTe,
                      units.bumTo,
                      units.tanPhong,
                      units.doanKet,
                    ],
                    programme: programmes.communication,
                    expectedOutput: 'Lễ phát động; báo cáo kết quả Tháng hành động',
                  },
                },
              ],
            },
            {
              key: 'II.4.2',
              ref: '4.2.',
              title: 'Chương trình phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2026-2030',
              children: [
                {
                  key: 'p42a',
                  ref: '-',
                  title:
                    'Tiếp tục xây dựng và nhân rộng các mô hình phòng ngừa, ứng phó với bạo lực trên cơ sở giới có hiệu quả, phù hợp với điều kiện thực tiễn của địa phương; đồng thời rà soát, đánh giá các mô hình đang triển khai tại các cơ sở bảo trợ xã hội, các câu lạc bộ hỗ trợ phụ nữ trên địa bàn để kịp thời chỉ đạo, hướng dẫn việc cung cấp dịch vụ hỗ trợ đối với người bị bạo lực trên cơ sở giới.',
                  task: {
                    time: ongoing,
                    timeText: 'Thường xuyên',
                    lead: [units.homeAffairs],
                    support: [units.health, units.womenUnion, units.muongTe, units.bumTo],
                    programme: programmes.violence,
                    indicatorCodes: ['MT3.CT4'],
                  },
                },
                {
                  key: 'p42b',
                  ref: '-',
                  title:
                    'Tăng cường công tác phối hợp liên ngành trong quá trình tổ chức triển khai thực hiện Chương trình, bảo đảm tính đồng bộ, hiệu quả.',
                  task: {
                    time: ongoing,
                    timeText: 'Thường xuyên',
                    lead: [units.homeAffairs],
                    support: [units.police, units.health, units.justice],
                    programme: programmes.violence,
                  },
                },
                {
                  key: 'p42c',
                  ref: '-',
                  title:
                    'Tăng cường phát hiện sớm, can thiệp, xử lý kịp thời các vụ bạo lực trên cơ sở giới, môi giới hôn nhân bất hợp pháp và bảo vệ nạn nhân; phòng, chống tội phạm xâm hại trẻ em, tội phạm mua bán người.',
                  task: {
                    time: ongoing,
                    timeText: 'Thường xuyên',
                    lead: [units.police],
                    support: [units.health, units.womenUnion],
                    programme: programmes.violence,
                    indicatorCodes: ['MT3.CT2a', 'MT3.CT2b', 'MT3.CT3'],
                  },
                },
                {
                  key: 'p42d',
                  ref: '-',
                  title:
                    'Xây dựng Kế hoạch triển khai thực hiện Chương trình phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2026 - 2030 sau khi Chương trình được Thủ tướng Chính phủ phê duyệt và có văn bản hướng dẫn của Bộ Nội vụ.',
                  task: {
                    time: quarter(3),
                    timeText: 'Quý III/2026 (sau khi Chương trình được phê duyệt)',
                    lead: [units.homeAffairs],
                    support: [units.police],
                    programme: programmes.violence,
                    expectedOutput: 'Kế hoạch của UBND tỉnh thực hiện Chương trình giai đoạn 2026 - 2030',
                  },
                },
              ],
            },
            {
              key: 'II.4.3',
              ref: '4.3.',
              title:
                'Chương trình Tăng cường sự tham gia bình đẳng của phụ nữ vào vị trí lãnh đạo và quản lý ở các cấp hoạch định chính sách giai đoạn 2021-2030 (Quyết định số 2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ)',
              children: [
                {
                  key: 'p43a',
                  ref: '-',
                  title:
                    'Xây dựng Kế hoạch thực hiện Chương trình “Tăng cường sự tham gia bình đẳng của phụ nữ vào các vị trí lãnh đạo, quản lý ở các cấp hoạch định chính sách” giai đoạn 2026-2030 phù hợp với điều kiện thực tiễn của cơ quan, đơn vị, địa phương.',
                  task: {
                    time: before('2026-06-30'),
                    timeText: 'Trước ngày 30/6/2026',
                    lead: [units.homeAffairs],
                    programme: programmes.leadership,
                    indicatorCodes: ['MT1.CT1'],
                    expectedOutput: 'Kế hoạch giai đoạn 2026 - 2030 trình UBND tỉnh',
                  },
                },
                {
                  key: 'p43b',
                  ref: '-',
                  title:
                    'Tăng cường công tác đào tạo, bồi dưỡng đội ngũ cán bộ nữ gắn với công tác quy hoạch, tạo nguồn cán bộ lãnh đạo, quản lý tại các cơ quan hoạch định chính sách; đồng thời đẩy mạnh công tác thông tin, tuyên truyền về vị trí, vai trò và tiềm năng của phụ nữ trong thời kỳ mới.',
                  task: {
                    time: ongoing,
                    timeText: 'Thường xuyên',
                    lead: [units.homeAffairs],
                    support: [units.womenUnion],
                    programme: programmes.leadership,
                    indicatorCodes: ['MT1.CT1'],
                  },
                },
              ],
            },
            {
              key: 'II.4.4',
              ref: '4.4.',
              title:
                'Triển khai các hoạt động về bình đẳng giới trong thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026-2035, giai đoạn I từ 2026-2030',
              children: [
                {
                  key: 'p44a',
                  ref: '-',
                  title:
                    'Tăng cường thực hiện lồng ghép giới trong xây dựng chính sách, chương trình về giảm nghèo, an sinh xã hội, xây dựng nông thôn mới, phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi.',
                  task: {
                    time: ongoing,
                    timeText: 'Thường xuyên',
                    lead: [units.ethnicAffairs],
                    support: [units.agriculture],
                    programme: programmes.targetedProgrammes,
                  },
                },
                {
                  key: 'p44b',
                  ref: '-',
                  title:
                    'Thúc đẩy thực hiện bình đẳng giới trong các lĩnh vực giảm nghèo, xây dựng nông thôn mới và phát triển kinh tế - xã hội tại địa phương; đẩy mạnh công tác truyền thông nhằm thay đổi định kiến giới; nâng cao vai trò, vị thế của phụ nữ trong lãnh đạo, quản lý và phát triển cộng đồng; tổ chức triển khai hiệu quả các chỉ tiêu về bình đẳng giới, góp phần xây dựng cộng đồng văn minh, tiến bộ.',
                  task: {
                    time: ongoing,
                    timeText: 'Thường xuyên',
                    lead: [units.agriculture],
                    support: [units.womenUnion, units.farmersUnion],
                    programme: programmes.targetedProgrammes,
                  },
                },
                {
                  key: 'p44c',
                  ref: '-',
                  title:
                    'Tổ chức triển khai thực hiện nội dung tiêu chí 6.5 “Bảo đảm bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới” thuộc Tiêu chí số 6 “Giảm nghèo và an sinh xã hội” theo Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ ban hành Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026-2030; thực hiện theo hướng dẫn tại Công văn số 2585/BNV-CTTN&BDG ngày 20/3/2026 của Bộ Nội vụ về hướng dẫn thực hiện nội dung tiêu chí thuộc Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026-2030.',
                  task: {
                    time: ongoing,
                    timeText: 'Thường xuyên',
                    // Wards do not take part in the new-countryside programme: communes only.
                    lead: [units.muongTe, units.bumTo],
                    support: [units.homeAffairs, units.agriculture],
                    programme: programmes.targetedProgrammes,
                  },
                },
              ],
            },
          ],
        },
        {
          key: 'II.5',
          ref: '5.',
          title: 'Nâng cao năng lực quản lý nhà nước về bình đẳng giới và công tác Vì sự tiến bộ của phụ nữ',
          children: [
            {
              key: 'p5a',
              ref: '-',
              title:
                'Tăng cường trách nhiệm của cơ quan quản lý nhà nước về bình đẳng giới và Vì sự tiến bộ của phụ nữ; nâng cao vai trò, trách nhiệm của chính quyền các cấp trong chỉ đạo và triển khai thực hiện.',
              task: { time: ongoing, timeText: 'Thường xuyên', lead: [units.homeAffairs] },
            },
            {
              key: 'p5b',
              ref: '-',
              title:
                'Kiện toàn Ban Vì sự tiến bộ của phụ nữ cấp tỉnh, cấp xã, đồng thời duy trì hoạt động của Ban Vì sự tiến bộ của phụ nữ theo quy chế đã đề ra.',
              task: {
                time: quarter(2),
                timeText: 'Quý II/2026',
                lead: [units.homeAffairs, units.muongTe, units.bumTo, units.tanPhong],
                support: [units.advancementCommittee],
                expectedOutput: 'Quyết định kiện toàn Ban Vì sự tiến bộ của phụ nữ các cấp',
              },
            },
            {
              key: 'p5c',
              ref: '-',
              title:
                'Bố trí công chức tham mưu, tổ chức thực hiện nhiệm vụ bình đẳng giới thuộc của các cơ quan chuyên môn cấp tỉnh, cấp xã; quan tâm bố trí công chức có năng lực, bảo đảm tính ổn định và kế thừa; trường hợp có sự thay đổi, điều chuyển công tác cần kịp thời phân công công chức thay thế để tránh gián đoạn công việc; nâng cao năng lực đội ngũ cán bộ, công chức làm công tác bình đẳng giới và vì sự tiến bộ của phụ nữ các cấp.',
              task: { time: ongoing, timeText: 'Thường xuyên', lead: [units.homeAffairs] },
            },
            {
              key: 'p5d',
              ref: '-',
              title:
                'Tổ chức thực hiện lồng ghép giới trong xây dựng và tổ chức thực hiện các chương trình, kế hoạch của các sở, ban, ngành, địa phương hằng năm, giai đoạn cho phù hợp. Khuyến khích thí điểm xây dựng và vận hành các sáng kiến, mô hình thúc đẩy bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới. Tổ chức các hoạt động phong trào của phụ nữ trên địa bàn tỉnh.',
              task: {
                time: ongoing,
                timeText: 'Thường xuyên',
                lead: [units.womenUnion],
                support: [units.homeAffairs],
              },
            },
            {
              key: 'p5e',
              ref: '-',
              title:
                'Tổ chức tập huấn bồi dưỡng kiến thức về giới, bình đẳng giới; các hoạt động giao lưu, học tập kinh nghiệm; tổ chức hội thảo, tọa đàm, chia sẻ kinh nghiệm trong lĩnh vực công tác bình đẳng giới và Vì sự tiến bộ của phụ nữ.',
              task: {
                time: quarter(3),
                timeText: 'Quý III/2026',
                lead: [units.homeAffairs],
                support: [units.womenUnion],
                expectedOutput: 'Các lớp tập huấn cho cán bộ làm công tác bình đẳng giới cấp tỉnh, cấp xã',
              },
            },
            {
              key: 'p5f',
              ref: '-',
              title:
                'Ưu tiên bố trí ngân sách; tiếp tục rà soát, xây dựng cơ chế, chính sách huy động nhân lực, kinh phí đảm bảo cho việc triển khai công tác bình đẳng giới tại địa phương. Đẩy mạnh xã hội hóa, huy động nguồn lực hợp pháp từ các cơ quan, tổ chức, cá nhân trong nước và quốc tế để tăng tính bền vững, hiệu quả trong thực hiện công tác bình đẳng giới.',
              task: {
                time: ongoing,
                timeText: 'Thường xuyên',
                lead: [units.finance],
                support: [units.homeAffairs],
              },
            },
            {
              key: 'p5g',
              ref: '-',
              title:
                'Tăng cường công tác thanh tra, kiểm tra, xử lý vi phạm về bình đẳng giới; kịp thời báo cáo, xác minh những vấn đề, vụ việc đột xuất liên quan đến công tác bình đẳng giới, vì sự tiến bộ của phụ nữ và phòng ngừa, ứng phó với bạo lực trên cơ sở giới cho các cơ quan có thẩm quyền để phối hợp giải quyết.',
              task: {
                time: quarter(4),
                timeText: 'Quý IV/2026',
                lead: [units.inspectorate],
                support: [units.homeAffairs],
              },
            },
            {
              key: 'p5h',
              ref: '-',
              title:
                'Khen thưởng, biểu dương kịp thời các cá nhân, đơn vị có thành tích xuất sắc trong công tác bình đẳng giới, phòng ngừa, ứng phó với bạo lực trên cơ sở giới và công tác Vì sự tiến bộ của phụ nữ.',
              task: { time: quarter(4), timeText: 'Quý IV/2026', lead: [units.homeAffairs] },
            },
          ],
        },
      ],
    },
    {
      key: 'III',
      ref: 'III.',
      title: 'KINH PHÍ THỰC HIỆN',
      body: 'Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao tại Quyết định số 3079/QĐ-UBND ngày 09/12/2025 của Ủy ban nhân dân tỉnh Lai Châu về việc giao dự toán thu, chi ngân sách địa phương năm 2026 và các nguồn kinh phí hợp pháp khác theo quy định pháp luật.',
    },
    {
      key: 'IV',
      ref: 'IV.',
      title: 'TỔ CHỨC THỰC HIỆN',
      children: [
        {
          key: 'IV.1',
          ref: '1.',
          title:
            'Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường căn cứ chức năng, nhiệm vụ xây dựng kế hoạch tổ chức triển khai, thực hiện và phối hợp triển khai, thực hiện đảm bảo hoàn thành tốt các nội dung, nhiệm vụ được giao (Phụ lục ban hành kèm theo Kế hoạch này).',
        },
        {
          key: 'piv2',
          ref: '2.',
          title:
            'Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị có liên quan đôn đốc, theo dõi, tổng hợp tình hình triển khai, thực hiện kế hoạch thực hiện công tác bình đẳng giới và Vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu năm 2026; tham mưu Ủy ban nhân dân tỉnh thực hiện đảm bảo chế độ thông tin, báo cáo theo quy định.',
          task: { time: ongoing, timeText: 'Thường xuyên', lead: [units.homeAffairs] },
        },
        {
          key: 'report',
          ref: '3.',
          title: 'Chế độ thông tin báo cáo',
          body: 'Các sở, ban, ngành, địa phương căn cứ chức năng, nhiệm vụ báo cáo kết quả thực hiện luật pháp, chính sách về bình đẳng giới năm 2026 (theo Đề cương, phụ lục đính kèm Công văn số 2855/BNV-CTTN&BDG ngày 27/3/2026 của Bộ Nội vụ) gửi về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 01/12/2026.',
          task: {
            time: before('2026-12-01'),
            timeText: 'Trước ngày 01/12/2026',
            lead: reportingUnits,
            support: [units.homeAffairs],
            expectedOutput: 'Báo cáo theo Đề cương, phụ lục kèm Công văn số 2855/BNV-CTTN&BDG',
          },
        },
      ],
    },
  ],
};

/*
 * 2. The Labour Federation's plan for 2026, written as its 2022 plan 334/KH-LĐLĐ (fixture 003)
 * and its 2024 plan (fixture 000) are: aims, six lines of work, then organisation with the
 * report dates 30/5 and 30/11. Since July 2025 there are no district federations; the sector
 * unions carry the plan. Number and date are the demo's (334 was the number on 07/4/2022).
 */
export const federationPlan: DemoPlan = {
  key: 'federation',
  unit: units.labourFederation,
  parent: 'province',
  title: 'Công tác bình đẳng giới và hoạt động Vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu năm 2026',
  symbol: 'KH-LĐLĐ',
  place: 'Lai Châu',
  bases: [],
  writtenOn: '2026-04-22',
  issue: { number: '352', issuedOn: '2026-04-28' },
  cascadeDueOn: '2026-05-20',
  recipients: [
    'UBND tỉnh',
    'Tổng LĐLĐ Việt Nam',
    'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    'Sở Nội vụ',
    'CĐ Viên chức tỉnh, CĐ ngành Giáo dục, CĐ ngành Y tế',
    'Lưu: VT, TG-NC',
  ],
  // This plan is the demo's own writing, so it names no real official as signer.
  signer: { authority: 'TM. BAN THƯỜNG VỤ', deputy: null, position: 'PHÓ CHỦ TỊCH', name: null },
  carriedTasksUnder: 'II',
  items: [
    {
      key: 'I',
      ref: 'I.',
      title: 'MỤC ĐÍCH, YÊU CẦU',
      body: [
        '- Triển khai thực hiện hiệu quả các chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước và của Tỉnh về công tác Bình đẳng giới và Vì sự tiến bộ của phụ nữ; đảm bảo sự bình đẳng của phụ nữ về cơ hội, sự tham gia và thụ hưởng sự phát triển trên các lĩnh vực đời sống xã hội của đoàn viên, CNVCLĐ.',
        '- Giảm khoảng cách giới và nâng cao vị thế của phụ nữ trong một số lĩnh vực ngành, địa phương, đơn vị có bất bình đẳng giới hoặc có nguy cơ bất bình đẳng giới cao, đảm bảo để phụ nữ được tham gia đầy đủ và bình đẳng trong các lĩnh vực của đời sống xã hội.',
        '- Đa dạng hóa các hoạt động tuyên truyền với nội dung, hình thức phong phú, thiết thực, phù hợp với điều kiện thực tế của các địa phương, đơn vị nhằm nâng cao nhận thức của đoàn viên, CNVCLĐ về công tác Bình đẳng giới và Vì sự tiến bộ của phụ nữ.',
      ].join('\n'),
    },
    {
      key: 'II',
      ref: 'II.',
      title: 'NỘI DUNG',
      children: [
        {
          key: 'f1',
          ref: '1.',
          carries: 'p2a',
          title:
            'Tuyên truyền, quán triệt, triển khai thực hiện hiệu quả các chủ trương của Đảng, chính sách pháp luật của Nhà nước về công tác Bình đẳng giới và vì sự tiến bộ của phụ nữ; Nghị quyết số 11-NQ/TW ngày 27/4/2007 của Bộ Chính trị về công tác phụ nữ thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước; Chỉ thị 21-CT/TW ngày 20/01/2018 của Ban Bí thư Trung ương Đảng về tiếp tục đẩy mạnh công tác phụ nữ trong tình hình mới.',
          task: {
            time: ongoing,
            timeText: 'Thường xuyên',
            lead: [units.civilServantsUnion, units.educationUnion, units.healthUnion],
          },
        },
        {
          key: 'f2',
          ref: '2.',
          title:
            'Phối hợp với các cơ quan, đơn vị liên quan tổ chức thực hiện tốt Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 và hoạt động vì sự tiến bộ của phụ nữ; Kế hoạch số 8416/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân tỉnh về thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Lai Châu giai đoạn 2026-2030; thực hiện có hiệu quả Kế hoạch số 262/KH-LĐLĐ ngày 21/7/2021 của LĐLĐ tỉnh trong đoàn viên, CNVCLĐ.',
          task: {
            time: ongoing,
            timeText: 'Thường xuyên',
            lead: [units.civilServantsUnion, units.educationUnion, units.healthUnion],
          },
        },
        {
          key: 'f3',
          ref: '3.',
          title:
            'Tổ chức các hoạt động truyền thông, gặp mặt, tọa đàm, trao đổi, chia sẻ kinh nghiệm, nói chuyện chuyên đề, tập huấn về bình đẳng giới, phòng chống bạo lực giới cho cán bộ công đoàn góp phần nâng cao vai trò và vị thế của phụ nữ trong gia đình và xã hội nhân dịp:',
          children: [
            {
              key: 'f3a',
              ref: '-',
              title: 'Kỷ niệm 116 năm Ngày Quốc tế Phụ nữ (08/3/1910 - 08/3/2026).',
              task: {
                time: on('2026-03-08'),
                timeText: 'Ngày 08/3/2026',
                lead: [units.civilServantsUnion, units.educationUnion, units.healthUnion],
              },
            },
            {
              key: 'f3b',
              ref: '-',
              title: 'Ngày Gia đình Việt Nam (28/6).',
              task: {
                time: on('2026-06-28'),
                timeText: 'Ngày 28/6/2026',
                lead: [units.civilServantsUnion, units.educationUnion, units.healthUnion],
              },
            },
            {
              key: 'f3c',
              ref: '-',
              title: 'Kỷ niệm 96 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 - 20/10/2026).',
              task: {
                time: on('2026-10-20'),
                timeText: 'Ngày 20/10/2026',
                lead: [units.civilServantsUnion, units.educationUnion, units.healthUnion],
              },
            },
            {
              key: 'f3d',
              ref: '-',
              carries: 'p41b',
              title:
                'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới từ 15/11 đến 15/12.',
              task: {
                time: actionMonth,
                timeText: 'Từ ngày 15/11 đến ngày 15/12/2026',
                lead: [units.civilServantsUnion, units.educationUnion, units.healthUnion],
              },
            },
          ],
        },
        {
          key: 'f4',
          ref: '4.',
          carries: 'p3c',
          title:
            'Tiến hành rà soát bổ sung quy hoạch, đào tạo, bồi dưỡng cán bộ nữ đảm bảo đúng quy định về công tác cán bộ của cấp trên; quan tâm giới thiệu nữ đoàn viên ưu tú tham gia cấp ủy, ban chấp hành công đoàn các cấp.',
          task: {
            time: quarter(3),
            timeText: 'Quý III/2026',
            lead: [units.civilServantsUnion, units.educationUnion, units.healthUnion],
          },
        },
        {
          key: 'f5',
          ref: '5.',
          title:
            'Phối hợp với các đơn vị liên quan kiểm tra, giám sát việc triển khai thực hiện công tác bình đẳng giới và hoạt động Vì sự tiến bộ của phụ nữ tại địa phương, đơn vị.',
        },
      ],
    },
    {
      key: 'III',
      ref: 'III.',
      title: 'TỔ CHỨC THỰC HIỆN',
      children: [
        {
          key: 'III.1',
          ref: '1.',
          title: 'Liên đoàn lao động tỉnh',
          body: 'Xây dựng kế hoạch, chỉ đạo các cấp công đoàn trong tỉnh triển khai thực hiện hiệu quả công tác bình đẳng giới và hoạt động Vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu năm 2026 trong đoàn viên, CNVCLĐ.',
        },
        {
          key: 'III.2',
          ref: '2.',
          title: 'Công đoàn Viên chức tỉnh, Công đoàn ngành Giáo dục, Công đoàn ngành Y tế',
          body: 'Căn cứ Kế hoạch này và tình hình thực tiễn tại đơn vị xây dựng kế hoạch và tổ chức triển khai thực hiện hiệu quả công tác bình đẳng giới và hoạt động Vì sự tiến bộ của phụ nữ năm 2026 trong đoàn viên, CNVCLĐ và báo cáo kết quả triển khai về LĐLĐ tỉnh (qua Ban Tuyên giáo - Nữ công) trong báo cáo 6 tháng trước ngày 30/5 và báo cáo năm trước ngày 30/11 và báo cáo đột xuất khác khi có yêu cầu.',
          children: [
            {
              key: 'f6a',
              ref: '-',
              title: 'Báo cáo kết quả 6 tháng đầu năm 2026 về LĐLĐ tỉnh (qua Ban Tuyên giáo - Nữ công).',
              task: {
                time: before('2026-05-30'),
                timeText: 'Trước ngày 30/5/2026',
                lead: [units.civilServantsUnion, units.educationUnion, units.healthUnion],
              },
            },
            {
              key: 'f6b',
              ref: '-',
              carries: 'report',
              title: 'Báo cáo kết quả năm 2026 về LĐLĐ tỉnh (qua Ban Tuyên giáo - Nữ công).',
              task: {
                time: before('2026-11-30'),
                timeText: 'Trước ngày 30/11/2026',
                lead: [units.civilServantsUnion, units.educationUnion, units.healthUnion],
              },
            },
          ],
        },
      ],
    },
  ],
};

/* 3. Child plans at their stages in November 2026. */

export const womenUnionPlan: DemoPlan = {
  key: 'womenUnion',
  unit: units.womenUnion,
  parent: 'province',
  title: 'Triển khai công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2026',
  symbol: 'KH-HPN',
  place: 'Lai Châu',
  bases: [],
  writtenOn: '2026-04-29',
  issue: { number: '28', issuedOn: '2026-05-06' },
  cascadeDueOn: null,
  recipients: [
    'Trung ương Hội LHPN Việt Nam (B/c)',
    'UBND tỉnh (B/c)',
    'Sở Nội vụ',
    'Hội LHPN các xã, phường',
    'Lưu: VT',
  ],
  signer: { authority: 'TM. BAN THƯỜNG VỤ', deputy: null, position: 'CHỦ TỊCH', name: null },
  carriedTasksUnder: 'II',
  items: [
    {
      key: 'I',
      ref: 'I.',
      title: 'MỤC ĐÍCH, YÊU CẦU',
      body: [
        '- Cụ thể hóa các nhiệm vụ Ủy ban nhân dân tỉnh giao cho Hội Liên hiệp Phụ nữ tỉnh tại Kế hoạch thực hiện công tác bình đẳng giới và Vì sự tiến bộ của phụ nữ năm 2026; phát huy vai trò của tổ chức Hội trong tuyên truyền, vận động và giám sát thực hiện chính sách, pháp luật về bình đẳng giới.',
        '- Các hoạt động bảo đảm thiết thực, hiệu quả, hướng về cơ sở; ưu tiên hội viên, phụ nữ vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số.',
      ].join('\n'),
    },
    {
      key: 'II',
      ref: 'II.',
      title: 'NHIỆM VỤ, GIẢI PHÁP',
      children: [
        {
          key: 'w1',
          ref: '1.',
          carries: 'p2a',
          title:
            'Tuyên truyền, phổ biến pháp luật về bình đẳng giới, phòng, chống bạo lực gia đình trong hội viên, phụ nữ; lồng ghép trong sinh hoạt chi hội, tổ phụ nữ và trên các trang mạng xã hội của Hội.',
        },
        {
          key: 'w2',
          ref: '2.',
          carries: 'p5d',
          title:
            'Duy trì, nhân rộng mô hình “Địa chỉ tin cậy”, câu lạc bộ “Gia đình hạnh phúc”; tổ chức phong trào thi đua phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc.',
        },
        {
          key: 'w3',
          ref: '3.',
          carries: 'p42a',
          title:
            'Phối hợp rà soát, đánh giá hoạt động của các mô hình phòng ngừa, ứng phó với bạo lực trên cơ sở giới tại cơ sở; hỗ trợ, can thiệp kịp thời đối với phụ nữ, trẻ em gái bị bạo lực.',
          task: { time: quarter(3), timeText: 'Quý III/2026' },
        },
        {
          key: 'w4',
          ref: '4.',
          carries: 'p42c',
          title:
            'Phối hợp với Công an tỉnh phát hiện, thông tin kịp thời các vụ việc bạo lực, mua bán người, môi giới hôn nhân bất hợp pháp; tham gia bảo vệ, hỗ trợ nạn nhân.',
        },
        {
          key: 'w5',
          ref: '5.',
          carries: 'p3c',
          title:
            'Giới thiệu cán bộ nữ có năng lực để quy hoạch, đào tạo, bồi dưỡng; hỗ trợ phụ nữ học nghề, tìm kiếm việc làm, phát triển kinh tế.',
        },
        {
          key: 'w6',
          ref: '6.',
          carries: 'p5e',
          title:
            'Cử cán bộ Hội tham gia các lớp tập huấn kiến thức về giới, bình đẳng giới; tổ chức tập huấn cho chủ tịch Hội LHPN các xã, phường.',
        },
        {
          key: 'w7',
          ref: '7.',
          carries: 'p41b',
          title:
            'Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2026: mít tinh, truyền thông lưu động tại các chợ phiên vùng cao.',
        },
        {
          key: 'w8',
          ref: '8.',
          carries: 'report',
          title:
            'Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2026 của Hội gửi Ủy ban nhân dân tỉnh (qua Sở Nội vụ).',
          task: { time: before('2026-11-28'), timeText: 'Trước ngày 28/11/2026' },
        },
      ],
    },
    {
      key: 'III',
      ref: 'III.',
      title: 'TỔ CHỨC THỰC HIỆN',
      body: 'Các ban, văn phòng cơ quan Hội LHPN tỉnh theo chức năng, nhiệm vụ tham mưu triển khai các nội dung của Kế hoạch. Hội LHPN các xã, phường căn cứ Kế hoạch xây dựng kế hoạch phù hợp với thực tiễn, báo cáo kết quả về Hội LHPN tỉnh trước ngày 20/11/2026.',
    },
  ],
};

export const muongTePlan: DemoPlan = {
  key: 'muongTe',
  unit: units.muongTe,
  parent: 'province',
  title: 'Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn xã Mường Tè năm 2026',
  symbol: 'KH-UBND',
  place: 'Mường Tè',
  bases: [],
  writtenOn: '2026-05-05',
  issue: { number: '56', issuedOn: '2026-05-12' },
  cascadeDueOn: null,
  recipients: [
    'UBND tỉnh (qua Sở Nội vụ)',
    'Thường trực Đảng ủy, HĐND xã',
    'Chủ tịch, các PCT UBND xã',
    'UBMTTQ Việt Nam xã và các tổ chức chính trị - xã hội xã',
    'Trưởng các bản',
    'Lưu: VT',
  ],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', deputy: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: null },
  carriedTasksUnder: 'II',
  items: [
    {
      key: 'I',
      ref: 'I.',
      title: 'MỤC ĐÍCH, YÊU CẦU',
      body: [
        '- Triển khai kịp thời, đầy đủ các nhiệm vụ Ủy ban nhân dân tỉnh giao cho xã tại Kế hoạch thực hiện công tác bình đẳng giới và Vì sự tiến bộ của phụ nữ năm 2026.',
        '- Nâng cao nhận thức của cán bộ và nhân dân các bản về bình đẳng giới; từng bước xóa bỏ tảo hôn, hôn nhân cận huyết thống và các hủ tục lạc hậu.',
      ].join('\n'),
    },
    {
      key: 'II',
      ref: 'II.',
      title: 'NHIỆM VỤ, GIẢI PHÁP',
      children: [
        {
          key: 'm1',
          ref: '1.',
          carries: 'p2a',
          title:
            'Tổ chức hội nghị tuyên truyền pháp luật về bình đẳng giới, phòng, chống bạo lực gia đình, tảo hôn và hôn nhân cận huyết thống tại các bản.',
          task: {
            time: quarter(3),
            timeText: 'Quý III/2026',
            expectedOutput: '04 hội nghị tại các bản; biên bản hội nghị',
          },
        },
        {
          key: 'm2',
          ref: '2.',
          carries: 'p41b',
          title:
            'Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2026 trên địa bàn xã.',
        },
        {
          key: 'm3',
          ref: '3.',
          carries: 'p5b',
          title: 'Kiện toàn Ban vì sự tiến bộ của phụ nữ xã sau sắp xếp đơn vị hành chính.',
          task: {
            time: quarter(2),
            timeText: 'Quý II/2026',
            expectedOutput: 'Quyết định kiện toàn Ban vì sự tiến bộ của phụ nữ xã',
          },
        },
        {
          key: 'm4',
          ref: '4.',
          carries: 'p42a',
          title:
            'Duy trì mô hình phòng ngừa, ứng phó với bạo lực trên cơ sở giới tại cộng đồng; công khai số điện thoại của người có uy tín, “địa chỉ tin cậy” tại các bản.',
        },
        {
          key: 'm5',
          ref: '5.',
          carries: 'p44c',
          title:
            'Thực hiện nội dung tiêu chí 6.5 “Bảo đảm bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới” thuộc Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026-2030.',
        },
        {
          key: 'm6',
          ref: '6.',
          carries: 'report',
          title:
            'Báo cáo kết quả thực hiện công tác bình đẳng giới năm 2026 gửi Ủy ban nhân dân tỉnh (qua Sở Nội vụ).',
          task: { time: before('2026-11-28'), timeText: 'Trước ngày 28/11/2026' },
        },
      ],
    },
    {
      key: 'III',
      ref: 'III.',
      title: 'TỔ CHỨC THỰC HIỆN',
      body: [
        '1. Phòng Văn hóa - Xã hội chủ trì, tham mưu UBND xã tổ chức thực hiện Kế hoạch; tổng hợp, báo cáo kết quả theo quy định.',
        '2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã, Hội Liên hiệp Phụ nữ xã, Đoàn Thanh niên xã phối hợp tuyên truyền, vận động hội viên, đoàn viên thực hiện.',
        '3. Trưởng các bản phối hợp tổ chức các hội nghị tuyên truyền tại bản.',
      ].join('\n'),
    },
  ],
};

export const educationUnionPlan: DemoPlan = {
  key: 'educationUnion',
  unit: units.educationUnion,
  parent: 'federation',
  title:
    'Công tác bình đẳng giới và hoạt động Vì sự tiến bộ của phụ nữ trong Công đoàn ngành Giáo dục năm 2026',
  symbol: 'KH-CĐN',
  place: 'Lai Châu',
  bases: [],
  writtenOn: '2026-05-11',
  issue: { number: '21', issuedOn: '2026-05-14' },
  cascadeDueOn: null,
  recipients: [
    'LĐLĐ tỉnh (Ban Tuyên giáo - Nữ công)',
    'Sở Giáo dục và Đào tạo',
    'Công đoàn cơ sở trực thuộc',
    'Lưu: VT',
  ],
  signer: { authority: 'TM. BAN THƯỜNG VỤ', deputy: null, position: 'CHỦ TỊCH', name: null },
  carriedTasksUnder: 'II',
  items: [
    {
      key: 'I',
      ref: 'I.',
      title: 'MỤC ĐÍCH, YÊU CẦU',
      body: 'Triển khai Kế hoạch của LĐLĐ tỉnh trong cán bộ, nhà giáo, người lao động ngành Giáo dục; nâng cao nhận thức về bình đẳng giới, phát huy vai trò của nữ nhà giáo trong nhà trường và cộng đồng.',
    },
    {
      key: 'II',
      ref: 'II.',
      title: 'NỘI DUNG',
      children: [
        {
          key: 'e1',
          ref: '1.',
          carries: 'f1',
          title:
            'Tuyên truyền chính sách, pháp luật về bình đẳng giới trong đoàn viên; lồng ghép nội dung giới, bình đẳng giới trong sinh hoạt chuyên môn của các nhà trường.',
        },
        {
          key: 'e2',
          ref: '2.',
          carries: 'f2',
          title:
            'Phối hợp với Sở Giáo dục và Đào tạo thực hiện các mục tiêu bình đẳng giới trong lĩnh vực giáo dục, đào tạo.',
        },
        {
          key: 'e3',
          ref: '3.',
          carries: 'f3a',
          title: 'Tọa đàm kỷ niệm Ngày Quốc tế Phụ nữ 08/3 cho nữ cán bộ, nhà giáo.',
        },
        {
          key: 'e4',
          ref: '4.',
          carries: 'f3b',
          title: 'Hưởng ứng Ngày Gia đình Việt Nam 28/6: tôn vinh “Gia đình nhà giáo tiêu biểu”.',
        },
        {
          key: 'e5',
          ref: '5.',
          carries: 'f3c',
          title: 'Tổ chức các hoạt động chào mừng Ngày Phụ nữ Việt Nam 20/10 tại các công đoàn cơ sở.',
        },
        {
          key: 'e6',
          ref: '6.',
          carries: 'f3d',
          title:
            'Hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới trong các nhà trường.',
        },
        {
          key: 'e7',
          ref: '7.',
          carries: 'f4',
          title: 'Rà soát, giới thiệu nữ nhà giáo đủ tiêu chuẩn vào quy hoạch cán bộ quản lý trường học.',
        },
        {
          key: 'e8',
          ref: '8.',
          carries: 'f6a',
          title: 'Báo cáo kết quả 6 tháng đầu năm 2026 về LĐLĐ tỉnh.',
          task: { time: before('2026-05-28'), timeText: 'Trước ngày 28/5/2026' },
        },
        {
          key: 'e9',
          ref: '9.',
          carries: 'f6b',
          title: 'Báo cáo kết quả năm 2026 về LĐLĐ tỉnh.',
          task: { time: before('2026-11-27'), timeText: 'Trước ngày 27/11/2026' },
        },
      ],
    },
    {
      key: 'III',
      ref: 'III.',
      title: 'TỔ CHỨC THỰC HIỆN',
      body: 'Ban Nữ công Công đoàn ngành tham mưu triển khai Kế hoạch; các công đoàn cơ sở trực thuộc căn cứ Kế hoạch tổ chức thực hiện và báo cáo kết quả về Công đoàn ngành trước ngày 20/5 và 20/11/2026.',
    },
  ],
};

/** Sở Nội vụ's own plan, still a draft in November: the carried tasks are there, the rest is being written. */
export const homeAffairsPlan: DemoPlan = {
  key: 'homeAffairs',
  unit: units.homeAffairs,
  parent: 'province',
  title: 'Triển khai công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2026 của Sở Nội vụ',
  symbol: 'KH-SNV',
  place: 'Lai Châu',
  bases: [],
  writtenOn: '2026-11-17',
  issue: null,
  cascadeDueOn: null,
  recipients: ['UBND tỉnh (B/c)', 'Lưu: VT, CTTN&BĐG'],
  signer: { authority: null, deputy: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', name: null },
  carriedTasksUnder: 'II',
  items: [
    {
      key: 'I',
      ref: 'I.',
      title: 'MỤC ĐÍCH, YÊU CẦU',
      body: 'Chủ động tham mưu Ủy ban nhân dân tỉnh triển khai các nhiệm vụ được giao tại Kế hoạch thực hiện công tác bình đẳng giới và Vì sự tiến bộ của phụ nữ năm 2026; bảo đảm đầu mối theo dõi, tổng hợp, báo cáo đúng thời hạn.',
    },
    { key: 'II', ref: 'II.', title: 'NHIỆM VỤ, GIẢI PHÁP' },
    { key: 'III', ref: 'III.', title: 'TỔ CHỨC THỰC HIỆN' },
  ],
};

/** In the order they are written: a cascaded plan after its parent is issued. */
export const demoPlans: DemoPlan[] = [
  provincePlan,
  federationPlan,
  womenUnionPlan,
  muongTePlan,
  educationUnionPlan,
  homeAffairsPlan,
];

export interface DemoProgressStep {
  on: string;
  status: 'in_progress' | 'done';
  percent: number | null;
  note: string;
}

export interface DemoProgress {
  plan: DemoPlanKey;
  task: string;
  unit: string;
  steps: DemoProgressStep[];
  /** A signed record as evidence, attached after the last step. */
  evidence?: { fileName: string; title: string; lines: string[] };
}

const step = (on: string, status: DemoProgressStep['status'], percent: number | null, note: string) => ({
  on,
  status,
  percent,
  note,
});

/*
 * Progress as of late November 2026. Overdue at that date, by design: Sở Nội vụ's plan for the
 * violence programme (waiting for the programme's approval), Mường Tè's committee (Quý II),
 * Bum Tở (no plan, nothing reported), the civil servants' union's 20/10 and Quý III lines.
 * Due soon: every annual report (28/11, 30/11, 01/12).
 */
export const demoProgress: DemoProgress[] = [
  // Province plan: agencies report on their own tasks.
  {
    plan: 'province',
    task: 'p1c',
    unit: units.justice,
    steps: [
      step(
        '2026-06-10',
        'in_progress',
        60,
        'Đã rà soát 28/46 văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành.',
      ),
      step(
        '2026-06-26',
        'done',
        100,
        'Đã rà soát 46 văn bản; kiến nghị sửa đổi, bổ sung 02 văn bản để bảo đảm nguyên tắc bình đẳng giới.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p1c',
    unit: units.homeAffairs,
    steps: [step('2026-06-26', 'done', 100, 'Đã phối hợp rà soát các văn bản thuộc lĩnh vực nội vụ.')],
  },
  {
    plan: 'province',
    task: 'p1c',
    unit: units.office,
    steps: [step('2026-06-24', 'done', 100, 'Đã cung cấp danh mục văn bản do UBND tỉnh ban hành.')],
  },
  {
    plan: 'province',
    task: 'p41a',
    unit: units.homeAffairs,
    steps: [
      step(
        '2026-06-18',
        'done',
        100,
        'Đã tham mưu UBND tỉnh ban hành Kế hoạch thực hiện Chương trình Truyền thông về bình đẳng giới giai đoạn 2026 - 2030.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p41a',
    unit: units.culture,
    steps: [step('2026-06-12', 'done', 100, 'Đã góp ý dự thảo Kế hoạch.')],
  },
  {
    plan: 'province',
    task: 'p43a',
    unit: units.homeAffairs,
    steps: [step('2026-06-29', 'done', 100, 'Kế hoạch giai đoạn 2026 - 2030 đã trình UBND tỉnh ban hành.')],
  },
  {
    plan: 'province',
    task: 'p5b',
    unit: units.homeAffairs,
    steps: [step('2026-05-29', 'done', 100, 'Đã tham mưu kiện toàn Ban vì sự tiến bộ của phụ nữ tỉnh.')],
  },
  {
    plan: 'province',
    task: 'p5b',
    unit: units.advancementCommittee,
    steps: [step('2026-05-29', 'done', 100, 'Ban đã được kiện toàn; quy chế hoạt động đã ban hành.')],
  },
  {
    plan: 'province',
    task: 'p5b',
    unit: units.tanPhong,
    steps: [step('2026-06-19', 'done', 100, 'Đã kiện toàn Ban vì sự tiến bộ của phụ nữ phường.')],
  },
  {
    plan: 'province',
    task: 'p5e',
    unit: units.homeAffairs,
    steps: [
      step(
        '2026-09-25',
        'done',
        100,
        'Đã tổ chức 02 lớp tập huấn cho 186 học viên là cán bộ làm công tác bình đẳng giới cấp tỉnh, cấp xã.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p42d',
    unit: units.homeAffairs,
    steps: [
      step(
        '2026-09-28',
        'in_progress',
        30,
        'Đã xây dựng dự thảo; chờ Chương trình được Thủ tướng Chính phủ phê duyệt và hướng dẫn của Bộ Nội vụ.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p5g',
    unit: units.inspectorate,
    steps: [step('2026-11-10', 'in_progress', 40, 'Đang kiểm tra tại 03 sở, ngành và 04 xã, phường.')],
  },
  {
    plan: 'province',
    task: 'p2a',
    unit: units.culture,
    steps: [
      step(
        '2026-10-30',
        'in_progress',
        75,
        'Đã chỉ đạo treo băng rôn, khẩu hiệu; tổ chức 12 buổi chiếu phim lưu động lồng ghép tuyên truyền tại vùng sâu, vùng xa.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p2c',
    unit: units.media,
    steps: [
      step(
        '2026-10-31',
        'in_progress',
        80,
        'Đã phát sóng 22 chuyên mục, phóng sự bằng tiếng Việt và tiếng Mông, Thái, Dao; đăng 64 tin, bài trên báo điện tử.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p3d',
    unit: units.health,
    steps: [
      step(
        '2026-10-15',
        'in_progress',
        65,
        'Đã triển khai tư vấn, khám sức khỏe tiền hôn nhân tại 20 xã; tỷ số giới tính khi sinh 9 tháng: 110 bé trai/100 bé gái.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p3d',
    unit: units.education,
    steps: [
      step(
        '2026-09-15',
        'in_progress',
        70,
        'Đã hướng dẫn lồng ghép nội dung giới, bình đẳng giới trong chương trình năm học 2026 - 2027.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p42c',
    unit: units.police,
    steps: [
      step(
        '2026-10-20',
        'in_progress',
        70,
        'Đã phát hiện, xử lý 14 vụ bạo lực gia đình, 03 vụ mua bán người; 100% nạn nhân được hỗ trợ.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p41b',
    unit: units.homeAffairs,
    steps: [
      step(
        '2026-11-16',
        'in_progress',
        40,
        'Đã tham mưu UBND tỉnh ban hành Kế hoạch và tổ chức Lễ phát động Tháng hành động ngày 13/11/2026.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p41b',
    unit: units.media,
    steps: [
      step(
        '2026-11-19',
        'in_progress',
        30,
        'Đã mở chuyên mục hưởng ứng Tháng hành động trên sóng phát thanh, truyền hình.',
      ),
    ],
  },
  {
    plan: 'province',
    task: 'p41b',
    unit: units.tanPhong,
    steps: [
      step('2026-11-18', 'in_progress', 50, 'Đã treo 08 băng rôn; tổ chức tuyên truyền tại 06 tổ dân phố.'),
    ],
  },
  {
    plan: 'province',
    task: 'p41b',
    unit: units.doanKet,
    steps: [step('2026-11-19', 'in_progress', 45, 'Đã tổ chức diễu hành cổ động hưởng ứng Tháng hành động.')],
  },
  {
    plan: 'province',
    task: 'report',
    unit: units.justice,
    steps: [step('2026-11-20', 'done', 100, 'Đã gửi báo cáo số 412/BC-STP ngày 20/11/2026.')],
  },

  // Women's Union: mostly on track.
  {
    plan: 'womenUnion',
    task: 'w1',
    unit: units.womenUnion,
    steps: [
      step(
        '2026-10-30',
        'in_progress',
        75,
        'Đã tổ chức 126 buổi tuyên truyền với hơn 8.400 lượt hội viên tham gia.',
      ),
    ],
  },
  {
    plan: 'womenUnion',
    task: 'w2',
    unit: units.womenUnion,
    steps: [
      step(
        '2026-10-15',
        'in_progress',
        70,
        'Duy trì 42 “Địa chỉ tin cậy” và 57 câu lạc bộ “Gia đình hạnh phúc”.',
      ),
    ],
  },
  {
    plan: 'womenUnion',
    task: 'w3',
    unit: units.womenUnion,
    steps: [
      step(
        '2026-09-28',
        'done',
        100,
        'Đã rà soát, đánh giá 42 mô hình; đề xuất duy trì 38, củng cố 04 mô hình.',
      ),
    ],
  },
  {
    plan: 'womenUnion',
    task: 'w4',
    unit: units.womenUnion,
    steps: [step('2026-10-20', 'in_progress', 60, 'Đã phối hợp hỗ trợ 09 nạn nhân bị bạo lực gia đình.')],
  },
  {
    plan: 'womenUnion',
    task: 'w5',
    unit: units.womenUnion,
    steps: [
      step(
        '2026-09-30',
        'in_progress',
        50,
        'Đã giới thiệu 15 cán bộ nữ vào quy hoạch; hỗ trợ 320 phụ nữ học nghề.',
      ),
    ],
  },
  {
    plan: 'womenUnion',
    task: 'w6',
    unit: units.womenUnion,
    steps: [step('2026-09-25', 'done', 100, 'Đã cử 38 chủ tịch Hội LHPN xã, phường tham gia tập huấn.')],
  },
  {
    plan: 'womenUnion',
    task: 'w7',
    unit: units.womenUnion,
    steps: [
      step(
        '2026-11-20',
        'in_progress',
        45,
        'Đã phát động tại 38 xã, phường; truyền thông lưu động tại 06 chợ phiên.',
      ),
    ],
  },
  {
    plan: 'womenUnion',
    task: 'w8',
    unit: units.womenUnion,
    steps: [step('2026-11-20', 'in_progress', 30, 'Đang tổng hợp báo cáo của Hội LHPN các xã, phường.')],
  },

  // Xã Mường Tè: one line done with its record, one in progress, one overdue.
  {
    plan: 'muongTe',
    task: 'm1',
    unit: units.muongTe,
    steps: [
      step('2026-08-14', 'in_progress', 50, 'Đã tổ chức 02/04 hội nghị tuyên truyền tại các bản.'),
      step(
        '2026-09-22',
        'done',
        100,
        'Đã tổ chức 04 hội nghị tuyên truyền với 312 lượt người tham dự, trong đó 178 lượt nữ.',
      ),
    ],
    evidence: {
      fileName: 'Biên bản hội nghị tuyên truyền bình đẳng giới.pdf',
      title: 'Biên bản hội nghị tuyên truyền pháp luật về bình đẳng giới - Xã Mường Tè',
      lines: [
        'ỦY BAN NHÂN DÂN XÃ MƯỜNG TÈ',
        'BIÊN BẢN',
        'Hội nghị tuyên truyền pháp luật về bình đẳng giới, phòng, chống bạo lực gia đình,',
        'tảo hôn và hôn nhân cận huyết thống',
        'Thời gian: ngày 18 tháng 9 năm 2026',
        'Thành phần: 86 đại biểu, trong đó 49 nữ',
        'Nội dung: Luật Bình đẳng giới; Luật Phòng, chống bạo lực gia đình năm 2022.',
        'Hội nghị kết thúc lúc 11 giờ cùng ngày.',
      ],
    },
  },
  {
    plan: 'muongTe',
    task: 'm2',
    unit: units.muongTe,
    steps: [
      step(
        '2026-11-19',
        'in_progress',
        60,
        'Đã treo 12 băng rôn, khẩu hiệu; phát thanh trên hệ thống loa truyền thanh xã bằng tiếng Việt và tiếng dân tộc.',
      ),
    ],
  },
  {
    plan: 'muongTe',
    task: 'm3',
    unit: units.muongTe,
    steps: [
      step(
        '2026-06-25',
        'in_progress',
        50,
        'Đã dự thảo Quyết định kiện toàn; chờ bố trí công chức Phòng Văn hóa - Xã hội phụ trách.',
      ),
    ],
  },
  {
    plan: 'muongTe',
    task: 'm4',
    unit: units.muongTe,
    steps: [step('2026-10-15', 'in_progress', 40, 'Duy trì 03 “địa chỉ tin cậy” tại các bản.')],
  },

  // Labour Federation: the sector unions without a plan of their own report on its tasks.
  {
    plan: 'federation',
    task: 'f3a',
    unit: units.civilServantsUnion,
    steps: [
      step('2026-03-06', 'done', 100, 'Đã tổ chức tọa đàm kỷ niệm Ngày Quốc tế Phụ nữ với 120 đại biểu.'),
    ],
  },
  {
    plan: 'federation',
    task: 'f3a',
    unit: units.healthUnion,
    steps: [step('2026-03-07', 'done', 100, 'Đã tổ chức gặp mặt nữ cán bộ, y, bác sĩ tiêu biểu.')],
  },
  {
    plan: 'federation',
    task: 'f3b',
    unit: units.civilServantsUnion,
    steps: [
      step(
        '2026-06-26',
        'done',
        100,
        'Đã phát động hưởng ứng Ngày Gia đình Việt Nam tại các công đoàn cơ sở.',
      ),
    ],
  },
  {
    plan: 'federation',
    task: 'f3b',
    unit: units.healthUnion,
    steps: [step('2026-06-26', 'done', 100, 'Đã tuyên dương 12 gia đình đoàn viên tiêu biểu.')],
  },
  {
    plan: 'federation',
    task: 'f3c',
    unit: units.healthUnion,
    steps: [
      step('2026-10-19', 'done', 100, 'Đã tổ chức hội thi “Nữ cán bộ y tế thanh lịch” chào mừng ngày 20/10.'),
    ],
  },
  {
    plan: 'federation',
    task: 'f4',
    unit: units.healthUnion,
    steps: [step('2026-09-25', 'done', 100, 'Đã rà soát, giới thiệu 09 nữ đoàn viên vào quy hoạch.')],
  },
  {
    plan: 'federation',
    task: 'f6a',
    unit: units.civilServantsUnion,
    steps: [step('2026-05-28', 'done', 100, 'Đã gửi báo cáo 6 tháng.')],
  },
  {
    plan: 'federation',
    task: 'f6a',
    unit: units.healthUnion,
    steps: [step('2026-05-29', 'done', 100, 'Đã gửi báo cáo 6 tháng.')],
  },
  {
    plan: 'federation',
    task: 'f1',
    unit: units.civilServantsUnion,
    steps: [step('2026-10-30', 'in_progress', 60, 'Đã tuyên truyền trong 85 công đoàn cơ sở.')],
  },
  {
    plan: 'federation',
    task: 'f3d',
    unit: units.civilServantsUnion,
    steps: [step('2026-11-18', 'in_progress', 30, 'Đã ban hành văn bản hưởng ứng Tháng hành động.')],
  },
  {
    plan: 'federation',
    task: 'f3d',
    unit: units.healthUnion,
    steps: [step('2026-11-19', 'in_progress', 40, 'Đã treo băng rôn tại các bệnh viện, trung tâm y tế.')],
  },

  // Công đoàn ngành Giáo dục, in its own plan.
  {
    plan: 'educationUnion',
    task: 'e3',
    unit: units.educationUnion,
    steps: [step('2026-03-06', 'done', 100, 'Đã tổ chức tọa đàm với 95 nữ nhà giáo.')],
  },
  {
    plan: 'educationUnion',
    task: 'e4',
    unit: units.educationUnion,
    steps: [step('2026-06-27', 'done', 100, 'Đã tôn vinh 15 “Gia đình nhà giáo tiêu biểu”.')],
  },
  {
    plan: 'educationUnion',
    task: 'e5',
    unit: units.educationUnion,
    steps: [
      step('2026-10-20', 'done', 100, 'Các công đoàn cơ sở đã tổ chức hoạt động chào mừng ngày 20/10.'),
    ],
  },
  {
    plan: 'educationUnion',
    task: 'e7',
    unit: units.educationUnion,
    steps: [step('2026-09-18', 'done', 100, 'Đã giới thiệu 11 nữ nhà giáo vào quy hoạch cán bộ quản lý.')],
  },
  {
    plan: 'educationUnion',
    task: 'e8',
    unit: units.educationUnion,
    steps: [step('2026-05-27', 'done', 100, 'Đã gửi báo cáo 6 tháng.')],
  },
  {
    plan: 'educationUnion',
    task: 'e1',
    unit: units.educationUnion,
    steps: [step('2026-10-28', 'in_progress', 70, 'Đã lồng ghép trong sinh hoạt chuyên môn tại 120 trường.')],
  },
  {
    plan: 'educationUnion',
    task: 'e6',
    unit: units.educationUnion,
    steps: [step('2026-11-18', 'in_progress', 50, 'Đã phát động trong các nhà trường.')],
  },
  {
    plan: 'educationUnion',
    task: 'e9',
    unit: units.educationUnion,
    steps: [step('2026-11-20', 'in_progress', 40, 'Đang tổng hợp số liệu từ các công đoàn cơ sở.')],
  },
];
