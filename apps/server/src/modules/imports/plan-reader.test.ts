import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../app/config.ts';
import { findCitations } from './plan-reader.citations.ts';
import { observances } from './plan-reader.events.ts';
import { readAssignees, readTaskTime } from './plan-reader.tasks.ts';
import { joinParagraphs, prepareLines } from './plan-reader.text.ts';
import { readPlanText } from './plan-reader.ts';

/** A short plan in the genre's form; parts are replaced per test. */
function plan(parts: { header?: string; body?: string; closing?: string } = {}): string {
  const header =
    parts.header ??
    `ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 123/KH-UBND
Lai Châu, ngày 07 tháng 4 năm 2025
KẾ HOẠCH
Thực hiện công tác bình đẳng giới năm 2025`;
  const body =
    parts.body ??
    `Căn cứ Kế hoạch số 45/KH-UBND ngày 10/01/2025 của UBND tỉnh về công tác bình đẳng giới.
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức về bình đẳng giới.
II. NHIỆM VỤ
1. Giao Sở Nội vụ chủ trì, phối hợp với Hội Liên hiệp Phụ nữ tỉnh, Liên đoàn Lao động tỉnh tổ chức tập huấn trước ngày 30/6.
III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành báo cáo 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 15/12 gửi về Sở Nội vụ.`;
  const closing =
    parts.closing ??
    `Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An`;
  return `${header}\n${body}\n${closing}\n`;
}

describe('readPlanText: heading block', () => {
  it('reads kind, number, place, date, title and year', () => {
    const result = readPlanText(plan());
    expect(result).toMatchObject({
      kind: 'KH',
      number: '123/KH-UBND',
      symbol: 'KH-UBND',
      place: 'Lai Châu',
      issuedOn: '2025-04-07',
      year: 2025,
      title: 'Thực hiện công tác bình đẳng giới năm 2025',
    });
    expect(result.warnings).toEqual([]);
  });

  it('leaves a blank number null and keeps the symbol', () => {
    const result = readPlanText(
      plan({
        header:
          'Số:  /KH-UBND\nLai Châu, ngày 07 tháng 4 năm 2025\nKẾ HOẠCH\nCông tác bình đẳng giới năm 2025',
      }),
    );
    expect(result.number).toBeNull();
    expect(result.symbol).toBe('KH-UBND');
    expect(result.warnings.join(' ')).toMatch(/Số văn bản để trống/);
  });

  it('gives YYYY-MM when the day is blank, and null when day and month are', () => {
    const blankDay = readPlanText(
      plan({
        header: 'Số: 12/KH-UBND\nTuần Giáo, ngày      tháng 3 năm 2022\nKẾ HOẠCH\nCông tác bình đẳng giới',
      }),
    );
    expect(blankDay.issuedOn).toBe('2022-03');
    expect(blankDay.year).toBe(2022);
    expect(blankDay.warnings.join(' ')).toMatch(/Ngày ban hành để trống/);

    const blankMonth = readPlanText(
      plan({
        header: 'Số: 12/KH-UBND\nLai Châu, ngày ... tháng ... năm 2026\nKẾ HOẠCH\nCông tác bình đẳng giới',
      }),
    );
    expect(blankMonth.issuedOn).toBeNull();
    expect(blankMonth.year).toBe(2026);
  });

  it('joins a number broken at the line end in the heading', () => {
    const result = readPlanText(
      plan({
        header: 'Số: 262/KH-\nLĐLĐ\nLai Châu, ngày 21 tháng 7 năm 2021\nKẾ HOẠCH\nCông tác bình đẳng giới',
      }),
    );
    expect(result.number).toBe('262/KH-LĐLĐ');
    expect(result.symbol).toBe('KH-LĐLĐ');
  });

  it('reads a document whose heading block is missing, and says so', () => {
    const result = readPlanText(plan({ header: 'KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2024' }));
    expect(result).toMatchObject({
      kind: 'KH',
      number: null,
      symbol: null,
      place: null,
      issuedOn: null,
      year: 2024,
    });
    expect(result.warnings).toContain('Không tìm thấy dòng “Số:” (số, ký hiệu văn bản).');
    expect(result.warnings).toContain('Không tìm thấy địa danh và ngày ban hành.');
    expect(result.sections.map((section) => section.ref)).toEqual(['I', 'II', 'III']);
  });

  it('takes the parts of a long report as its top level', () => {
    const result = readPlanText(
      plan({
        body: `PHẦN I. KẾT QUẢ THỰC HIỆN
I. CÔNG TÁC CHỈ ĐẠO
1. Ban hành văn bản
II. KẾT QUẢ CỤ THỂ
PHẦN II. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026
I. NHIỆM VỤ TRỌNG TÂM`,
      }),
    );
    expect(result.sections).toEqual([
      {
        ref: 'I',
        title: 'KẾT QUẢ THỰC HIỆN',
        children: [
          {
            ref: '1',
            title: 'CÔNG TÁC CHỈ ĐẠO',
            children: [{ ref: '1.1', title: 'Ban hành văn bản', children: [] }],
          },
          { ref: '2', title: 'KẾT QUẢ CỤ THỂ', children: [] },
        ],
      },
      {
        ref: 'II',
        title: 'PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026',
        children: [{ ref: '1', title: 'NHIỆM VỤ TRỌNG TÂM', children: [] }],
      },
    ]);
  });

  it('ignores doubled spaces', () => {
    const result = readPlanText(
      plan({
        header:
          'Số:  45/BC-UBND\nĐiện  Biên,  ngày  05  tháng  11  năm  2025\nBÁO  CÁO\nKết  quả  công  tác  bình  đẳng  giới  năm  2025',
      }),
    );
    expect(result).toMatchObject({
      kind: 'BC',
      number: '45/BC-UBND',
      place: 'Điện Biên',
      issuedOn: '2025-11-05',
    });
    expect(result.title).toBe('Kết quả công tác bình đẳng giới năm 2025');
  });

  it('reads a date line that lost its comma, but not a date inside a sentence', () => {
    const result = readPlanText(
      plan({ header: 'Số: 9/KH-UBND\nSơn La ngày 12 tháng 3 năm 2024\nKẾ HOẠCH\nCông tác bình đẳng giới' }),
    );
    expect(result).toMatchObject({ place: 'Sơn La', issuedOn: '2024-03-12' });
    const inSentence = readPlanText(
      'Căn cứ Quyết định số 5/QĐ-UBND ban hành ngày 12 tháng 3 năm 2024 của UBND tỉnh.\nI. NỘI DUNG\nTuyên truyền.',
    );
    expect(inSentence.issuedOn).toBeNull();
  });

  it('takes the kind from the symbol when the kind word is missing', () => {
    const result = readPlanText(plan({ header: 'Số: 7/BC-UBND\nLai Châu, ngày 07 tháng 4 năm 2025' }));
    expect(result.kind).toBe('BC');
  });
});

describe('readPlanText: text from PDF extraction', () => {
  it('drops page numbers and blank lines and joins wrapped lines', () => {
    const lines = prepareLines(
      'Các sở, ban, ngành căn cứ chức năng nhiệm vụ xây dựng kế hoạch thực hiện\n\n2\n\nhiệu quả.\n\n- 3 -\n\nTrang 4/9\n',
    );
    expect(lines).toEqual([
      'Các sở, ban, ngành căn cứ chức năng nhiệm vụ xây dựng kế hoạch thực hiện',
      'hiệu quả.',
    ]);
    expect(joinParagraphs(lines)).toEqual([
      'Các sở, ban, ngành căn cứ chức năng nhiệm vụ xây dựng kế hoạch thực hiện hiệu quả.',
    ]);
  });

  it('joins a document number broken across lines, with blank lines between', () => {
    const paragraphs = joinParagraphs(
      prepareLines(
        'Thực hiện có hiệu quả Kế hoạch số 262/KH-\n\nLĐLĐ, ngày 21/7/2021 của LĐLĐ tỉnh về bình đẳng giới.',
      ),
    );
    expect(paragraphs).toHaveLength(1);
    expect(findCitations(paragraphs, { year: 2024 })).toEqual([
      { kind: 'Kế hoạch', number: '262/KH-LĐLĐ', issuedOn: '2021-07-21', issuer: 'LĐLĐ tỉnh' },
    ]);
  });

  it('starts a paragraph at headings, list items and capitalised verbs after a heading', () => {
    const paragraphs = joinParagraphs(
      prepareLines(
        [
          '1. Tăng cường phối hợp liên ngành nhằm thực hiện tốt công tác bình đẳng',
          'giới và hoạt động vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu',
          'Tham mưu, chỉ đạo triển khai thực hiện hiệu quả các nội dung về công tác',
          'phụ nữ trong tình hình mới; phối hợp với Ban Tổ chức Tỉnh ủy và các cơ',
          'quan liên quan.',
          '- Đề nghị các tổ chức chính trị',
          '- xã hội phối hợp thực hiện.',
        ].join('\n'),
      ),
    );
    expect(paragraphs).toEqual([
      '1. Tăng cường phối hợp liên ngành nhằm thực hiện tốt công tác bình đẳng giới và hoạt động vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu',
      'Tham mưu, chỉ đạo triển khai thực hiện hiệu quả các nội dung về công tác phụ nữ trong tình hình mới; phối hợp với Ban Tổ chức Tỉnh ủy và các cơ quan liên quan.',
      '- Đề nghị các tổ chức chính trị - xã hội phối hợp thực hiện.',
    ]);
  });

  it('reads the same plan from typed text and from wrapped PDF text', () => {
    const typed = readPlanText(plan());
    const wrapped = plan()
      .split('\n')
      .flatMap((line) =>
        line.length > 60
          ? [line.slice(0, line.lastIndexOf(' ', 60)), line.slice(line.lastIndexOf(' ', 60) + 1)]
          : [line],
      )
      .join('\n\n');
    const fromPdf = readPlanText(wrapped);
    expect(fromPdf.sections).toEqual(typed.sections);
    expect(fromPdf.citations).toEqual(typed.citations);
    expect(fromPdf.reporting).toEqual(typed.reporting);
  });
});

describe('readPlanText: Vietnamese spelling variants', () => {
  it('reads both tone placements and decomposed text alike', () => {
    const newStyle = readPlanText(
      plan({ body: 'I. NHIỆM VỤ\nHưởng ứng Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ.' }),
    );
    const oldStyle = readPlanText(
      plan({ body: 'I. NHIỆM VỤ\nHưởng ứng Ngày Quốc tế xoá bỏ bạo lực đối với phụ nữ.' }).normalize('NFD'),
    );
    expect(newStyle.events).toEqual([
      { name: 'Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ', from: '2025-11-25', to: '2025-11-25' },
    ]);
    expect(oldStyle.events).toEqual(newStyle.events);
    expect(oldStyle.place).toBe('Lai Châu');
  });

  it('reads a misspelt kind word ("Nghị đinh") and infers kinds from symbols', () => {
    const citations = findCitations(
      [
        'Nghị đinh 70/2008/NĐ-CP ngày 4/6/2008 của Chính phủ; Văn bản số 559/KH-UBND ngày 02/03/2022; Chỉ thị 21/CT/TW ngày 20/01/2018; Công văn số 860/UBND-VX ngày 31/01/2024.',
      ],
      { year: 2024 },
    );
    expect(citations.map(({ kind, number, issuedOn }) => ({ kind, number, issuedOn }))).toEqual([
      { kind: 'Nghị định', number: '70/2008/NĐ-CP', issuedOn: '2008-06-04' },
      { kind: 'Kế hoạch', number: '559/KH-UBND', issuedOn: '2022-03-02' },
      { kind: 'Chỉ thị', number: '21/CT/TW', issuedOn: '2018-01-20' },
      { kind: 'Công văn', number: '860/UBND-VX', issuedOn: '2024-01-31' },
    ]);
  });
});

describe('readPlanText: duties, events, closing', () => {
  it('reads reporting duties with dates in the document year, and their addressee', () => {
    expect(readPlanText(plan()).reporting).toEqual([
      { what: '6-month', due: '2025-06-15', to: 'Sở Nội vụ' },
      { what: 'annual', due: '2025-12-15', to: 'Sở Nội vụ' },
    ]);
    const adHoc = readPlanText(
      plan({
        body: 'I. TỔ CHỨC THỰC HIỆN\nBáo cáo kết quả về LĐLĐ tỉnh (qua Ban Nữ công) trong báo cáo 6 tháng và năm, báo cáo đột xuất khi có yêu cầu.',
      }),
    );
    expect(adHoc.reporting).toEqual([
      { what: '6-month', due: null, to: 'LĐLĐ tỉnh (qua Ban Nữ công)' },
      { what: 'annual', due: null, to: 'LĐLĐ tỉnh (qua Ban Nữ công)' },
      { what: 'ad-hoc', due: null, to: 'LĐLĐ tỉnh (qua Ban Nữ công)' },
    ]);
  });

  it('reads dated campaigns, whole months, fixed days and campaigns named without dates', () => {
    const result = readPlanText(
      plan({
        body: `I. NỘI DUNG
1. Hưởng ứng Tháng hành động quốc gia về phòng, chống bạo lực gia đình (tháng 6/2025) và Ngày Gia đình Việt Nam (28/6).
2. Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2025.
3. Tổ chức Hội thi tìm hiểu pháp luật từ ngày 10/9 đến ngày 20/9/2025; tập huấn trước ngày 30/8.`,
      }),
    );
    expect(result.events.map(({ from, to }) => `${from}..${to}`).sort()).toEqual([
      '2025-06-01..2025-06-30',
      '2025-06-28..2025-06-28',
      '2025-09-10..2025-09-20',
      '2025-11-15..2025-12-15',
    ]);
  });

  it('reads lead and supporting units and times of a task', () => {
    expect(
      readAssignees(
        'Giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với UBND huyện Quỳ Châu tổ chức điểm Tháng hành động.',
      ),
    ).toEqual({ lead: ['Sở Lao động - Thương binh và Xã hội'], support: ['UBND huyện Quỳ Châu'] });
    expect(
      readAssignees('Các sở, ban, ngành cấp tỉnh, Chủ tịch UBND các huyện có trách nhiệm tự kiểm tra.').lead,
    ).toEqual(['Các sở, ban, ngành cấp tỉnh', 'Chủ tịch UBND các huyện']);
    expect(readTaskTime('Thời gian dự kiến khoảng từ 11 -15/11/2024.', 2024)).toMatchObject({
      from: '2024-11-11',
      to: '2024-11-15',
    });
    expect(readTaskTime('Hoàn thành trước ngày 05 tháng 12.', 2024)).toMatchObject({ due: '2024-12-05' });
    expect(readTaskTime('Thực hiện trong Quý II/2024.', 2024)).toMatchObject({
      from: '2024-04-01',
      to: '2024-06-30',
    });
    expect(readTaskTime('Thực hiện thường xuyên.', 2024)).toMatchObject({ ongoing: true, due: null });
  });

  it('gives tasks the units a heading names', () => {
    const result = readPlanText(
      plan({
        body: `I. TỔ CHỨC THỰC HIỆN
1. Phòng Lao động - Thương binh và Xã hội
- Tham mưu triển khai thực hiện Tháng hành động.
2. UBND các xã, thị trấn
- Xây dựng kế hoạch năm 2025.`,
      }),
    );
    expect(result.tasks.map(({ ref, lead }) => ({ ref, lead }))).toEqual([
      { ref: 'I.1-1', lead: ['Phòng Lao động - Thương binh và Xã hội'] },
      { ref: 'I.2-1', lead: ['UBND các xã, thị trấn'] },
    ]);
  });

  it('reads recipients with wrapped items, and the signer', () => {
    const result = readPlanText(
      plan({
        closing: `Nơi nhận:
- UBND tỉnh;
- LĐLĐ các huyện, Thành phố,
CĐ ngành, CĐ Viên chức tỉnh;
- Lưu: VT, TG-NC.
TM. BAN THƯỜNG VỤ
PHÓ CHỦ TỊCH
(Đã ký)
Hoàng Văn Trinh`,
      }),
    );
    expect(result.recipients).toEqual([
      'UBND tỉnh',
      'LĐLĐ các huyện, Thành phố, CĐ ngành, CĐ Viên chức tỉnh',
      'Lưu: VT, TG-NC',
    ]);
    expect(result.signer).toEqual({
      authority: 'TM. BAN THƯỜNG VỤ',
      deputy: null,
      position: 'PHÓ CHỦ TỊCH',
      name: 'Hoàng Văn Trinh',
    });
  });

  it('finds a signature without "Nơi nhận" at the end, and drops signature stamps', () => {
    const result = readPlanText(
      plan({
        closing:
          'Ký bởi: Ủy ban nhân dân tỉnh Lai Châu\nThời gian ký: 07.04.2025 09:12:45 +07:00\nGIÁM ĐỐC\nLò Văn Phương',
      }),
    );
    expect(result.signer).toEqual({
      authority: null,
      deputy: null,
      position: 'GIÁM ĐỐC',
      name: 'Lò Văn Phương',
    });
    expect(result.recipients).toEqual([]);
    expect(result.warnings).toContain('Không tìm thấy phần “Nơi nhận”.');
  });

  it('does not take reports described in a results section, or form numbers, for duties and citations', () => {
    const result = readPlanText(
      plan({
        header:
          'Số: 85/BC-UBND\nPhong Thổ, ngày 10 tháng 6 năm 2025\nBÁO CÁO\nKết quả công tác bình đẳng giới 6 tháng đầu năm 2025',
        body: `I. KẾT QUẢ THỰC HIỆN
Thực hiện đầy đủ chế độ báo cáo 6 tháng, năm theo Mẫu số 02/BC.
II. PHƯƠNG HƯỚNG, NHIỆM VỤ
Báo cáo năm gửi về UBND tỉnh trước ngày 05/12/2025.`,
      }),
    );
    expect(result.kind).toBe('BC');
    expect(result.reporting).toEqual([{ what: 'annual', due: '2025-12-05', to: 'UBND tỉnh' }]);
    expect(result.citations).toEqual([]);
  });

  it('reads heading and closing columns printed side by side on one line', () => {
    const result = readPlanText(
      plan({
        header: `ỦY BAN NHÂN DÂN         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAI CHÂU        Độc lập - Tự do - Hạnh phúc
Số:    /KH-UBND        Lai Châu, ngày     tháng 4 năm 2026
KẾ HOẠCH
Thực hiện công tác bình đẳng giới năm 2026`,
        closing: `Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- Bộ Nội vụ;                                KT. CHỦ TỊCH
- Chủ tịch UBND tỉnh (B/c);                 PHÓ CHỦ TỊCH
- Lưu: VT, Vx3.                              Tổng Thanh Hải`,
      }),
    );
    expect(result).toMatchObject({ number: null, symbol: 'KH-UBND', place: 'Lai Châu', issuedOn: '2026-04' });
    expect(result.recipients).toEqual(['Bộ Nội vụ', 'Chủ tịch UBND tỉnh (B/c)', 'Lưu: VT, Vx3']);
    expect(result.signer).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      deputy: 'KT. CHỦ TỊCH',
      position: 'PHÓ CHỦ TỊCH',
      name: 'Tổng Thanh Hải',
    });
  });

  it('leaves an unsigned copy without a name, and warns', () => {
    const result = readPlanText(
      plan({ closing: 'Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH' }),
    );
    expect(result.signer.name).toBeNull();
    expect(result.warnings).toContain('Không đọc được họ tên người ký.');
  });
});

describe('observances', () => {
  it('match ../shared/data/observances.json, where they are copied from', () => {
    const sharedData =
      process.env.BINHDANG_SHARED_DATA_DIR ?? path.join(repositoryRoot, '..', 'shared', 'data');
    const file = JSON.parse(readFileSync(path.join(sharedData, 'observances.json'), 'utf8')) as {
      name: string;
      from: string;
      to: string;
    }[];
    expect(observances.map(({ name, from, to }) => ({ name, from, to }))).toEqual(
      file.map(({ name, from, to }) => ({ name, from, to })),
    );
  });
});
