/**
 * Unit names inside running text: the subject of "Sở Nội vụ chủ trì, phối hợp với các cơ quan,
 * đơn vị có liên quan đôn đốc ...", a heading that names a unit ("1. Phòng Lao động - Thương
 * binh và Xã hội"), the addressee of a report ("gửi về UBND huyện (qua phòng ...)").
 * Names are kept as printed; `unit-names.ts` maps them to the registry.
 */
import { foldAligned, foldSpaces } from './plan-reader.text.ts';

/** Words that begin a unit name (folded, matched at a word start). */
const unitHeads =
  /^(?:cac|so|ban|phong|ubnd|ubmttq(?:vn)?|mttq|uy ban|hoi|hlhpn|lhpn|lien doan|ldld|tong ldld|cong an|bo|tinh doan|huyen doan|thanh doan|doan|trung tam|van phong|bao|dai|cong doan|cd|mat tran|thanh tra|toa an|vien kiem sat|chu tich|pho chu tich|thuong truc|tt|truong|benh vien|chi cuc|cuc|kho bac|ngan hang|bao hiem|dang uy|huyen uy|tinh uy|thanh uy|hoi dong|hdnd|bo chi huy|bchqs|ldtb|co quan|don vi|dia phuong)\b/;

/** Words after a head that show it is not a unit after all (`Hội nghị`, `Báo cáo`, `Ban hành`). */
const falseHeads =
  /^(?:hoi (?:nghi|thao|thi|dien|cho|vien)|bao (?:cao|dam|ve|tri)|ban hanh|phong,? (?:chong|ngua)|truong hop|doan ket|dai dien|dai hoi|bo tri|bo sung|cac (?:hoat dong|chuong trinh|noi dung|van ban|muc tieu|chi tieu|giai phap|nhiem vu|mo hinh|bao cao|ke hoach|de an|du an|cuoc|lop|chinh sach|vu viec|van de|loai|hinh thuc|san pham|tieu chi)|thanh tra,|co quan nha nuoc|don vi\b)/;

/** Lower-case words that end a unit name: the verb or preposition that follows it. */
const stopWords =
  /^(?:chu tri|phoi hop|co trach nhiem|can cu|theo|tham muu|xay dung|to chuc(?! chinh tri)|trien khai|thuc hien|chi dao|huong dan|tu kiem tra|kiem tra|giam sat|don doc|tong hop|tuyen truyen|day manh|ra soat|bao cao|de|nham|trong|tai|ve|cung|chu dong|tiep tuc|lam|danh gia|quan ly|cap nhat|bo tri|huy dong|gui|duoc|se|phu trach|la|khi|dam bao|tang cuong|nang cao|ban hanh|phat dong|uu tien|thong qua|co(?! (?:quan|so|lien quan)\b)|voi|hang nam|dinh ky|truoc|sau|tu|den|vao|nhu|qua)\b/;

export function isUnitStart(text: string): boolean {
  const folded = foldAligned(text.trimStart());
  if (!unitHeads.test(folded) || falseHeads.test(folded)) return false;
  // `các` is lower case inside sentences; the other heads are names, so capitalised.
  if (/^cac\b/.test(folded))
    return /^(?:cac\s+(?:so|ban|phong|co quan|don vi|dia phuong|xa|phuong|huyen|tinh|doan the|to chuc|cap|nganh|truong|hoi|cd|cong doan|lien doan|ldld|thanh vien|tcct|thi tran|dac khu))\b/.test(
      folded,
    );
  return /^\p{Lu}/u.test(text.trimStart());
}

/**
 * Reads a unit phrase from the start of `text` up to the verb that follows it.
 * Returns the phrase as printed and its length in `text`, or null when no unit starts there.
 */
export function readUnitPhrase(text: string): { phrase: string; length: number } | null {
  const leading = text.length - text.trimStart().length;
  if (!isUnitStart(text)) return null;
  const folded = foldAligned(text);
  let index = leading;
  let words = 0;
  while (index < text.length && words < 24) {
    const rest = folded.slice(index);
    const original = text.slice(index);
    if (/^[:;.(“"]/.test(rest) || /^,\s*(?!\p{L})/u.test(original)) break;
    if (words > 0 && stopWords.test(rest) && !/^\p{Lu}/u.test(original)) break;
    const word = rest.match(/^[^\s,;:.(]+[,]?\s*|^\s+/)?.[0];
    if (!word) break;
    index += word.length;
    words++;
  }
  const phrase = foldSpaces(text.slice(leading, index)).replace(/[,\s-]+$/, '');
  if (!phrase) return null;
  return { phrase, length: index };
}

/**
 * Splits a phrase naming several units at `,`, `;` or `và` when what follows starts a unit:
 * `Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường` → two names,
 * `Sở Văn hóa, Thể thao và Du lịch` → one.
 */
export function splitUnitList(phrase: string): string[] {
  const names: string[] = [];
  let current = '';
  const parts = phrase.split(/(\s*[,;]\s*|\s+và\s+)/u);
  for (let index = 0; index < parts.length; index += 2) {
    const part = parts[index]!;
    const separator = index > 0 ? parts[index - 1]! : '';
    if (current !== '' && isUnitStart(part)) {
      names.push(current);
      current = part;
    } else {
      current = current === '' ? part : `${current}${separator}${part}`;
    }
  }
  if (current !== '') names.push(current);
  return names
    .map((name) => foldSpaces(name).replace(/^(?:và|cùng)\s+/u, ''))
    .filter((name) => name.length > 1);
}

/** Unit names from the start of a text, after `Giao`, `Đề nghị`, `Yêu cầu`; [] when it starts otherwise. */
export function readSubjectUnits(text: string): { units: string[]; rest: string } {
  const trimmed = text.replace(/^(?:Giao(?:\s+cho)?|Đề nghị|Yêu cầu|Đối với)\s+/iu, '');
  const read = readUnitPhrase(trimmed);
  if (!read) return { units: [], rest: text };
  return { units: splitUnitList(read.phrase), rest: trimmed.slice(read.length) };
}

/** A heading that only names units: `Phòng Lao động - Thương binh và Xã hội`, `UBND các xã, thị trấn`. */
export function readUnitHeading(title: string): string[] {
  const units: string[] = [];
  for (const part of title.split(/;\s*/)) {
    const trimmed = part.replace(/[.:]+$/, '').trim();
    if (trimmed === '') continue;
    const { units: found, rest } = readSubjectUnits(trimmed);
    if (found.length === 0 || rest.trim() !== '') return [];
    units.push(...found);
  }
  return units;
}

/** Units after `phối hợp với` (and `cùng`), as printed. */
export function readSupportUnits(text: string): string[] {
  const folded = foldAligned(text);
  const units: string[] = [];
  for (const match of folded.matchAll(/\bphoi hop (?:chat che )?(?:voi|cung)\s+/g)) {
    const read = readUnitPhrase(text.slice(match.index + match[0].length));
    if (read) units.push(...splitUnitList(read.phrase));
  }
  return [...new Set(units)];
}
