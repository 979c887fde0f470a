/**
 * Maps a unit name as a document prints it ("Sở LĐTB&XH", "Hội LHPN tỉnh", "UBND các xã,
 * phường") to a unit of the registry, or to a group of units by kind. Pure: the caller passes
 * the registry units to choose from. Diacritics and tone placement are ignored (`foldForSearch`).
 */
import { foldForSearch, type OrgUnitKind, orgUnitKinds } from '@binhdang/contracts';

export interface UnitCandidate {
  id: number;
  name: string;
  kind: OrgUnitKind;
  parentId: number | null;
}

export type UnitResolution =
  | { kind: 'unit'; id: number; name: string; text: string }
  /** Every unit of these kinds (under `parentId` when set): "UBND các xã, phường", "các sở, ban, ngành". */
  | { kind: 'group'; unitKinds: OrgUnitKind[]; parentId: number | null; text: string }
  /** Not in the registry, or more than one unit fits (`candidateIds`): the text is kept. */
  | { kind: 'unresolved'; text: string; candidateIds: number[] };

/** Abbreviations of administrative writing, folded, and what they stand for. */
const abbreviations: [RegExp, string][] = [
  [/\bub ?mttq ?(?:vn)?\b|\bmttq ?(?:vn)?\b/g, 'uy ban mat tran to quoc'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bldld\b/g, 'lien doan lao dong'],
  [/\bhlhpn\b/g, 'hoi lien hiep phu nu'],
  [/\blhpn\b/g, 'lien hiep phu nu'],
  [/\bld ?-? ?tb ?(?:&|va) ?xh\b|\bldtbxh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\bgd ?(?:&|va) ?dt\b|\bgddt\b/g, 'giao duc va dao tao'],
  [/\bvh ?,? ?-? ?tt ?(?:&|va) ?dl\b|\bvhttdl\b/g, 'van hoa the thao va du lich'],
  [/\bkh ?(?:&|va) ?cn\b/g, 'khoa hoc va cong nghe'],
  [/\bkh ?(?:&|va) ?dt\b/g, 'ke hoach va dau tu'],
  [/\btn ?(?:&|va) ?mt\b|\btnmt\b/g, 'tai nguyen va moi truong'],
  [/\bnn ?(?:&|va) ?ptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bnn ?(?:&|va) ?mt\b/g, 'nong nghiep va moi truong'],
  [/\btt ?(?:&|va) ?tt\b/g, 'thong tin va truyen thong'],
  [/\bbchqs\b/g, 'bo chi huy quan su'],
  [/\bbvstbpn\b/g, 'ban vi su tien bo cua phu nu'],
  [/\bvstbpn\b/g, 'vi su tien bo cua phu nu'],
  [/\bcd\b/g, 'cong doan'],
  [/\btw\b/g, 'trung uong'],
];

/** Folded, abbreviations written out, punctuation and notes like `(B/c)` removed. */
export function normalizeUnitName(name: string): string {
  let key = foldForSearch(name).replace(/\([^)]*\)/g, ' ');
  for (const [pattern, expansion] of abbreviations) key = key.replace(pattern, expansion);
  return key
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name without the words every provincial unit shares: `tỉnh`, the province's name, `Việt Nam`. */
function coreKey(key: string, provinceNames: string[]): string {
  let core = ` ${key} `;
  for (const province of provinceNames) core = core.replaceAll(` ${province} `, ' ');
  return core
    .replace(/ (?:cap tinh|tinh|viet nam) /g, ' ')
    .replace(/ (?:cap tinh|tinh|viet nam) /g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words after "các" and the kinds of unit they mean; longer words first (`thị xã` before `xã`). */
const groupWords: [RegExp, OrgUnitKind[]][] = [
  [/\b(?:huyen|thi xa|thanh pho|thanh thi)\b/g, ['district']],
  [/\bthi tran\b/g, ['commune']],
  [/\bdac khu\b/g, ['special_zone']],
  // `xã` but not `xã hội` (chính trị - xã hội); `phường` but not `địa phương`.
  [/\bxa\b(?! hoi\b)/g, ['commune']],
  [/(?<!\bdia )\bphuong\b/g, ['ward']],
  [/\bban vi su tien bo\b/g, ['advancement_committee']],
  [/\b(?:so|ban nganh|nganh|co quan chuyen mon|phong ban)\b/g, ['agency']],
  [/\b(?:doan the|to chuc chinh tri xa hoi|hoi doan the)\b/g, ['mass_organisation']],
  [/\b(?:don vi su nghiep|truong|benh vien|trung tam)\b/g, ['public_unit']],
];

/** The kinds a list of members names: `xa phuong dac khu` → commune, ward, special zone. */
function readGroupKinds(members: string): OrgUnitKind[] {
  const kinds: OrgUnitKind[] = [];
  let rest = members;
  for (const [pattern, mapped] of groupWords) {
    if (rest.search(pattern) < 0) continue;
    kinds.push(...mapped);
    rest = rest.replace(pattern, ' ');
  }
  return sortKinds(kinds);
}

function sortKinds(kinds: Iterable<OrgUnitKind>): OrgUnitKind[] {
  const set = new Set(kinds);
  return orgUnitKinds.filter((kind) => set.has(kind));
}

function findByKey(key: string, candidates: UnitCandidate[], provinceNames: string[]): UnitCandidate[] {
  const exact = candidates.filter((candidate) => normalizeUnitName(candidate.name) === key);
  if (exact.length > 0) return exact;
  const core = coreKey(key, provinceNames);
  if (core === '') return [];
  return candidates.filter((candidate) => coreKey(normalizeUnitName(candidate.name), provinceNames) === core);
}

function resolveGroup(
  key: string,
  text: string,
  candidates: UnitCandidate[],
  provinceNames: string[],
): UnitResolution | null {
  const match = key.match(/^(.*?)\s*\bcac\b\s+(.+)$/);
  if (!match) return null;
  const [, owner = '', members = ''] = match;
  const levelKinds = readGroupKinds(members);
  // "Liên đoàn Lao động các huyện": the federations under the provincial federation.
  const ownerName = owner.replace(/^(?:chu tich|lanh dao|thuong truc)\s+/, '');
  if (ownerName !== '' && ownerName !== 'uy ban nhan dan') {
    const [parent, ...others] = findByKey(`${ownerName} tinh`, candidates, provinceNames);
    if (parent && others.length === 0)
      return { kind: 'group', unitKinds: [parent.kind], parentId: parent.id, text };
  }
  if (levelKinds.length === 0) return null;
  return { kind: 'group', unitKinds: levelKinds, parentId: null, text };
}

/**
 * Resolves one unit name against the registry units. Tries, in order: a group phrase
 * ("các ..."), the People's Committee of a province or commune ("UBND tỉnh", "UBND xã Bum Tở"),
 * the exact folded name, then the name without `tỉnh`/province/`Việt Nam`.
 */
export function resolveUnitName(text: string, candidates: UnitCandidate[]): UnitResolution {
  const key = normalizeUnitName(text).replace(
    /^(?:chu tich|pho chu tich|thuong truc|tt|lanh dao|ld)\s+(?=uy ban)/,
    '',
  );
  const provinces = candidates.filter((candidate) => candidate.kind === 'province');
  const provinceNames = provinces
    .map((province) => normalizeUnitName(province.name).replace(/^(?:tinh|thanh pho)\s+/, ''))
    .filter((name) => name !== '');
  const unresolved = (ids: number[] = []): UnitResolution => ({
    kind: 'unresolved',
    text,
    candidateIds: ids,
  });
  if (key === '') return unresolved();

  const group = resolveGroup(key, text, candidates, provinceNames);
  if (group) return group;

  // The People's Committee stands for its area's unit: "UBND tỉnh" is the province.
  const committee = key.match(/^uy ban nhan dan\s+(.*)$/);
  if (committee) {
    const area = committee[1]!;
    const provinceName = area.replace(/^(?:tinh|thanh pho)\s*/, '');
    const matches = /^(?:tinh|thanh pho)(?:\s|$)/.test(area)
      ? provinces.filter(
          (province) => provinceName === '' || normalizeUnitName(province.name).endsWith(provinceName),
        )
      : candidates.filter((candidate) => normalizeUnitName(candidate.name) === area);
    if (matches.length === 1) return { kind: 'unit', id: matches[0]!.id, name: matches[0]!.name, text };
    if (matches.length > 1) return unresolved(matches.map((match) => match.id));
  }

  const found = findByKey(key, candidates, provinceNames);
  if (found.length === 1) return { kind: 'unit', id: found[0]!.id, name: found[0]!.name, text };
  return unresolved(found.map((candidate) => candidate.id));
}
