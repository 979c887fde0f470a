import { draftAcceptInput, type ImportDetail, type PlanImportTask } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import {
  assignedUnitIds,
  fieldIdOfPath,
  fieldsUnder,
  formatDay,
  initialReview,
  parseDay,
  placeIssues,
  type ReviewAction,
  type ReviewState,
  reviewReducer,
  tidyDay,
  toAcceptInput,
  unresolvedNames,
} from './imports.review.ts';

const LABOUR = 'Sở Lao động - Thương binh và Xã hội';
const DISTRICT = 'UBND huyện Quỳ Châu';
const COMMITTEE = 'Ban vì sự tiến bộ của phụ nữ tỉnh';
const AGENCIES = 'Các sở, ban, ngành cấp tỉnh';

function task(ref: string, text: string, changes: Partial<PlanImportTask> = {}): PlanImportTask {
  return { ref, text, lead: [], support: [], due: null, from: null, to: null, ...changes };
}

/** What the server reads from a 2024 province plan (Nghệ An, 002), cut down to a few tasks. */
const detail: Pick<ImportDetail, 'result' | 'unitMatches' | 'issuerName'> = {
  issuerName: null,
  result: {
    kind: 'KH',
    number: null,
    symbol: null,
    place: null,
    issuedOn: null,
    year: 2024,
    title: 'Thực hiện công tác bình đẳng giới và hoạt động vì sự tiến bộ phụ nữ năm 2024',
    bases: [
      {
        kind: 'Công văn',
        number: '1303/LĐTBXH-BĐG',
        issuedOn: '2024-03-29',
        issuer: 'Bộ Lao động – Thương binh và Xã hội',
      },
    ],
    citations: [{ kind: 'Quyết định', number: '101/QĐ-TTg', issuedOn: '2024-01-25' }],
    sections: [
      { ref: 'I', title: 'MỤC ĐÍCH, YÊU CẦU', children: [] },
      {
        ref: 'II',
        title: 'NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM',
        children: [{ ref: '6', title: 'Đẩy mạnh truyền thông', children: [] }],
      },
    ],
    tasks: [
      task('II.6.5-1', 'Giao Sở Lao động - Thương binh và Xã hội chủ trì tổ chức điểm Tháng hành động', {
        lead: [LABOUR],
        support: [DISTRICT],
        from: '2024-11-11',
        to: '2024-11-15',
        timeText: 'từ 11 -15/11/2024',
      }),
      task('II.7.1', 'Ban vì sự tiến bộ của phụ nữ tỉnh tổ chức các đoàn kiểm tra', {
        lead: [COMMITTEE],
        support: [AGENCIES],
        ongoing: true,
      }),
      task('III.2.a', 'Giao Sở Lao động - Thương binh và Xã hội tổng hợp báo cáo', {
        lead: [LABOUR],
        due: '2024-12',
      }),
    ],
    reporting: [{ what: 'annual', due: '2024-12-25', to: LABOUR }],
    events: [
      {
        name: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
        from: '2024-11-15',
        to: '2024-12-15',
      },
    ],
    recipients: ['Bộ Lao động – TB & XH (B/c)', 'Lưu VT, KGVX (TP, D)'],
    signer: {
      authority: 'TM. ỦY BAN NHÂN DÂN',
      deputy: 'KT. CHỦ TỊCH',
      position: 'PHÓ CHỦ TỊCH',
      name: 'Bùi Đình Long',
    },
    warnings: ['Không tìm thấy dòng “Số:” (số, ký hiệu văn bản).'],
  },
  unitMatches: [
    { text: LABOUR, orgUnitId: null, unitName: null, group: null },
    { text: DISTRICT, orgUnitId: null, unitName: null, group: null },
    { text: COMMITTEE, orgUnitId: 31, unitName: COMMITTEE, group: null },
    {
      text: AGENCIES,
      orgUnitId: null,
      unitName: null,
      group: { unitKinds: ['agency'], parentId: null, label: 'Sở, ban, ngành' },
    },
  ],
};

function reduce(state: ReviewState, ...actions: ReviewAction[]): ReviewState {
  return actions.reduce(reviewReducer, state);
}

function acceptBody(state: ReviewState) {
  const result = toAcceptInput(state);
  if ('issues' in result) throw new Error(JSON.stringify(result.issues));
  return result.input;
}

const SO_NOI_VU = { orgUnitId: 12, unitName: 'Sở Nội vụ' };

describe('days as officers type them', () => {
  it('reads day/month/year with any separator, a month alone, or ISO', () => {
    expect(parseDay('15/11/2024')).toEqual({ ok: true, day: '2024-11-15' });
    expect(parseDay(' 5.6.2024 ')).toEqual({ ok: true, day: '2024-06-05' });
    expect(parseDay('5 - 6 - 2024')).toEqual({ ok: true, day: '2024-06-05' });
    expect(parseDay('11/2024')).toEqual({ ok: true, day: '2024-11' });
    expect(parseDay('2024-11-15')).toEqual({ ok: true, day: '2024-11-15' });
    expect(parseDay('')).toEqual({ ok: true, day: null });
  });

  it('refuses what is not a day', () => {
    for (const text of ['31/02/2024', '15/13/2024', '15/11/24', 'tháng 11', '2024-13-01', '1/1/1800']) {
      expect(parseDay(text), text).toEqual({ ok: false });
    }
  });

  it('writes days back the usual way', () => {
    expect(formatDay('2024-11-15')).toBe('15/11/2024');
    expect(formatDay('2024-12')).toBe('12/2024');
    expect(formatDay(null)).toBe('');
    expect(tidyDay('5/6/2024')).toBe('05/06/2024');
    expect(tidyDay('5/6')).toBe('5/6');
  });
});

describe('the review state', () => {
  it('sends back exactly what the server drafted when nothing is changed', () => {
    expect(acceptBody(initialReview(detail))).toEqual(draftAcceptInput(detail));
  });

  it('starts from what was read: days as typed, names by what they stand for', () => {
    const state = initialReview(detail);
    expect(state.header).toMatchObject({ kind: 'KH', year: '2024', number: '', issuedOn: '' });
    expect(state.tasks[0]!.time).toEqual({
      ongoing: false,
      due: '',
      from: '11/11/2024',
      to: '15/11/2024',
      timeText: 'từ 11 -15/11/2024',
    });
    expect(state.tasks[2]!.time.due).toBe('12/2024');
    expect(state.names).toEqual([LABOUR, DISTRICT, COMMITTEE, AGENCIES]);
    expect(unresolvedNames(state)).toEqual([LABOUR, DISTRICT]);
  });

  it('maps a printed name to a unit in every task that prints it, and can undo it', () => {
    const mapped = reduce(initialReview(detail), { type: 'mapName', name: LABOUR, unit: SO_NOI_VU });
    expect(unresolvedNames(mapped)).toEqual([DISTRICT]);
    const body = acceptBody(mapped);
    expect(body.tasks[0]!.lead).toEqual([{ orgUnitId: 12 }]);
    expect(body.tasks[2]!.lead).toEqual([{ orgUnitId: 12 }]);
    expect(body.tasks[0]!.support).toEqual([{ unitName: DISTRICT }]);
    expect(body.tasks[1]!.support).toEqual([{ unitKinds: ['agency'], parentId: null, label: AGENCIES }]);

    const undone = reduce(mapped, { type: 'resetName', name: LABOUR });
    expect(unresolvedNames(undone)).toEqual([LABOUR, DISTRICT]);
    expect(acceptBody(undone).tasks[0]!.lead).toEqual([{ unitName: LABOUR }]);
  });

  it('keeps a name as text once the reviewer says so, and forgets names of removed tasks', () => {
    const kept = reduce(initialReview(detail), { type: 'keepName', name: DISTRICT });
    expect(unresolvedNames(kept)).toEqual([LABOUR]);
    expect(acceptBody(kept).tasks[0]!.support).toEqual([{ unitName: DISTRICT }]);

    const withoutLabourTasks = reduce(
      initialReview(detail),
      { type: 'removeTask', key: 't0' },
      { type: 'removeTask', key: 't2' },
    );
    expect(unresolvedNames(withoutLabourTasks)).toEqual([]);
    expect(acceptBody(withoutLabourTasks).tasks.map((item) => item.ref)).toEqual(['II.7.1']);
  });

  it('adds a unit to a task once, whether it came from the document or from the picker', () => {
    const state = reduce(
      initialReview(detail),
      { type: 'mapName', name: LABOUR, unit: SO_NOI_VU },
      { type: 'addAssignee', key: 't0', role: 'support', unit: SO_NOI_VU },
      { type: 'addAssignee', key: 't0', role: 'support', unit: { orgUnitId: 40, unitName: 'Hội LHPN tỉnh' } },
      { type: 'removeAssignee', key: 't0', role: 'support', index: 0 },
    );
    expect(state.tasks[0]!.support).toEqual([{ orgUnitId: 40, unitName: 'Hội LHPN tỉnh' }]);
    expect(assignedUnitIds(state, state.tasks[0]!)).toEqual([12, 40]);
    expect(acceptBody(state).tasks[0]!.support).toEqual([{ orgUnitId: 40 }]);
  });

  it('edits every field and list of what was read', () => {
    const state = reduce(
      initialReview(detail),
      { type: 'setHeader', changes: { number: '125/KH-UBND', issuedOn: '2/4/2024', place: 'Nghệ An' } },
      { type: 'setSigner', changes: { name: 'Bùi Đình Long ' } },
      { type: 'setSectionTitle', key: '1.0', title: 'Đẩy mạnh truyền thông, tuyên truyền' },
      { type: 'updateTask', key: 't1', changes: { text: 'Tổ chức các đoàn kiểm tra liên ngành' } },
      { type: 'updateTaskTime', key: 't1', changes: { ongoing: false, due: '30/11/2024' } },
      { type: 'addCitationAsBasis', citation: detail.result.citations[0]! },
      { type: 'addRow', list: 'events' },
      {
        type: 'updateRow',
        list: 'events',
        key: 'new1',
        changes: { name: 'Ngày Gia đình Việt Nam', from: '28/6/2024', to: '28/6/2024' },
      },
      { type: 'updateRow', list: 'reporting', key: 'r0', changes: { what: '6-month', due: '05/06/2024' } },
      { type: 'addRow', list: 'reporting' },
      { type: 'removeRow', list: 'recipients', key: 'n1' },
    );
    const body = acceptBody(state);
    expect(body).toMatchObject({ number: '125/KH-UBND', issuedOn: '2024-04-02', place: 'Nghệ An' });
    expect(body.signer.name).toBe('Bùi Đình Long');
    expect((body.sections[1] as { children: { title: string }[] }).children[0]!.title).toBe(
      'Đẩy mạnh truyền thông, tuyên truyền',
    );
    expect(body.tasks[1]).toMatchObject({
      text: 'Tổ chức các đoàn kiểm tra liên ngành',
      ongoing: false,
      due: '2024-11-30',
    });
    expect(body.bases.map((basis) => basis.number)).toEqual(['1303/LĐTBXH-BĐG', '101/QĐ-TTg']);
    expect(body.events.at(-1)).toEqual({
      name: 'Ngày Gia đình Việt Nam',
      from: '2024-06-28',
      to: '2024-06-28',
    });
    expect(body.reporting).toEqual([
      { what: '6-month', due: '2024-06-05', to: LABOUR },
      { what: 'annual', due: null, to: null },
    ]);
    expect(body.recipients).toEqual(['Bộ Lao động – TB & XH (B/c)']);
  });
});

describe('issues', () => {
  it('finds what the server would refuse, at the paths it would use', () => {
    const state = reduce(
      initialReview(detail),
      { type: 'setHeader', changes: { title: 'KH', year: '24' } },
      { type: 'updateTaskTime', key: 't1', changes: { due: '31/11/2024' } },
      { type: 'updateTaskTime', key: 't0', changes: { from: '20/11/2024' } },
      { type: 'updateRow', list: 'events', key: 'e0', changes: { to: '' } },
      { type: 'addRow', list: 'recipients' },
    );
    const result = toAcceptInput(state);
    expect('issues' in result && result.issues.map((issue) => issue.path)).toEqual([
      'title',
      'year',
      'tasks.0.to',
      'tasks.1.due',
      'events.0.to',
      'recipients.2',
    ]);
  });

  it('places each issue on its field by row key, so it stays put when an earlier row goes', () => {
    const sent = initialReview(detail);
    const placed = placeIssues(sent, [
      { path: 'title', message: 'Trích yếu quá ngắn.' },
      { path: 'tasks.1.text', message: 'Thiếu nội dung.' },
      { path: 'tasks.2.lead.0.unitName', message: 'Tên quá ngắn.' },
      { path: 'events.0.to', message: 'Ngày bắt đầu phải trước ngày kết thúc.' },
      { path: 'sections.1.children.0.title', message: 'Quá dài.' },
      { path: 'recipients.1', message: 'Trống.' },
      { path: 'tasks.9.text', message: 'Không có.' },
      { path: 'tasks', message: 'Quá nhiều nhiệm vụ.' },
    ]);
    expect(placed.fields).toEqual({
      title: 'Trích yếu quá ngắn.',
      'tasks:t1.text': 'Thiếu nội dung.',
      'tasks:t2.lead.0.unitName': 'Tên quá ngắn.',
      'events:e0.to': 'Ngày bắt đầu phải trước ngày kết thúc.',
      'sections:1.0.title': 'Quá dài.',
      'recipients:n1': 'Trống.',
    });
    expect(placed.others.map((issue) => issue.path)).toEqual(['tasks.9.text', 'tasks']);

    const later = reduce(sent, { type: 'removeTask', key: 't0' });
    expect(fieldsUnder(placed.fields, `tasks:${later.tasks[0]!.key}`)).toEqual({ text: 'Thiếu nội dung.' });
    expect(fieldsUnder(placed.fields, 'recipients:n1')).toEqual({ '': 'Trống.' });
    expect(fieldIdOfPath(later, 'signer.name')).toBe('signer.name');
  });
});
