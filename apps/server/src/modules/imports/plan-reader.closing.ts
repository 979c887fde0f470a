/**
 * The closing block: "Nơi nhận:" with one dash item per recipient (items may wrap), and the
 * signature: `TM. ỦY BAN NHÂN DÂN` (on behalf of), `KT. CHỦ TỊCH` (signing for), the
 * position, the name. PDF extraction may interleave the two columns, so lines are sorted by
 * their shape rather than their order.
 */
import type { PlanImportSigner } from '@binhdang/contracts';
import { foldAligned, isAllCaps } from './plan-reader.text.ts';

const recipientsLine = /^(?:Nơi nhận|NƠI NHẬN|Nơi Nhận)\s*[:.]?\s*/u;
const authorityLine = /^(?:TM|T\.M|T\/M)[.\s]/u;
const deputyLine = /^(?:KT|K\.T|K\/T|TL|T\.L|T\/L|TUQ|T\.U\.Q|T\/UQ)[.\s]/u;
const dashItem = /^[-–+•*]\s*/;
/** Lines around a signature that carry no name: `(Đã ký)`, `Ký bởi: ...`, seals. */
const signatureNoise =
  /^(?:\(?đã ký\)?|\(?ký,? ghi rõ họ tên\)?|ký bởi|\(?ký tên|\(?đóng dấu|người ký|signature)/iu;
/** Words of positions; an all-capital line with one of them is a position, not a name. */
const positionWords =
  /\b(?:chu tich|giam doc|truong (?:ban|phong|khoa|doan)|(?:hieu|vu|cuc|chi cuc|thu) truong|pho|bi thu|thuong truc|chanh|van phong|uy vien|tong (?:giam doc|bi thu)|ky thay|thay mat|thua lenh)\b/;

/**
 * Where the closing starts: `Nơi nhận`, or a signature line if it comes first; without
 * either, a position in capitals followed by a name at the very end (`GIÁM ĐỐC` / `Lò Văn A`).
 */
export function findClosingStart(lines: string[], from: number): number {
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    if (recipientsLine.test(line) || authorityLine.test(line) || deputyLine.test(line)) return index;
  }
  let start = lines.length;
  while (start - 1 >= from && start > lines.length - 4) {
    const line = lines[start - 1]!;
    if (
      !(isPersonName(line) || signatureNoise.test(line) || (isAllCaps(line) && line.split(' ').length <= 6))
    )
      break;
    start--;
  }
  const tail = lines.slice(start);
  return tail.some((line) => isPersonName(line) && !isAllCaps(line)) && tail.some((line) => isAllCaps(line))
    ? start
    : -1;
}

/** The annex after the signature (`PHỤ LỤC`) is not part of the closing. */
function findAnnexStart(lines: string[], from: number): number {
  for (let index = from; index < lines.length; index++) {
    if (/^phu luc\b/.test(foldAligned(lines[index]!)) && isAllCaps(lines[index]!.slice(0, 7))) return index;
  }
  return lines.length;
}

/** `Hoàng Văn Trinh` (or in capitals): two to six capitalised words, no digits or punctuation. */
function isPersonName(line: string): boolean {
  const words = line.split(' ');
  if (words.length < 2 || words.length > 6 || /[\d:;,()/.]/.test(line)) return false;
  if (isAllCaps(line)) return !positionWords.test(foldAligned(line));
  return words.every((word) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(word));
}

function cleanRecipient(item: string): string {
  return item
    .replace(dashItem, '')
    .replace(/\s+/g, ' ')
    .replace(/[;,.\s]+$/, '')
    .trim();
}

export interface Closing {
  recipients: string[];
  signer: PlanImportSigner;
  hasRecipients: boolean;
  annexStart: number;
}

/**
 * Splits a line that holds both columns (`- Bộ Nội vụ; KT. CHỦ TỊCH`, `- Lưu: VT. PHÓ CHỦ TỊCH`),
 * as text copied from a two-column layout gives.
 */
function splitColumns(line: string): string[] {
  return line.split(/\s+(?=(?:TM|T\/M|KT|K\/T|TL|T\/L|TUQ)\.?\s+\p{Lu})/u).flatMap((part) => {
    if (!dashItem.test(part)) return [part];
    // A position in capitals, or the signer's name, printed after the item's final `;` or `.`.
    const match = part.match(/^(.*[;.])\s+(\p{Lu}[\p{L}\s]*\s\p{Lu}[\p{L}]*)$/u);
    if (match && (isAllCaps(match[2]!) || isPersonName(match[2]!))) return [match[1]!, match[2]!];
    return [part];
  });
}

export function readClosing(lines: string[], start: number): Closing {
  const signer: PlanImportSigner = { authority: null, deputy: null, position: null, name: null };
  if (start < 0) return { recipients: [], signer, hasRecipients: false, annexStart: lines.length };
  const end = findAnnexStart(lines, start);

  const recipients: string[] = [];
  const signatureLines: string[] = [];
  let hasRecipients = false;
  let lastWasItem = false;
  const closingLines = lines.slice(start, end).flatMap(splitColumns);
  for (const [index, line] of closingLines.entries()) {
    if (recipientsLine.test(line)) {
      hasRecipients = true;
      const rest = line.replace(recipientsLine, '');
      if (rest) recipients.push(rest);
      lastWasItem = rest !== '';
      continue;
    }
    if (
      authorityLine.test(line) ||
      deputyLine.test(line) ||
      signatureNoise.test(line) ||
      (isAllCaps(line) && !dashItem.test(line))
    ) {
      signatureLines.push(line);
      lastWasItem = false;
      continue;
    }
    if (hasRecipients && dashItem.test(line)) {
      recipients.push(line);
      lastWasItem = true;
      continue;
    }
    // A wrapped item: the previous one did not end its entry with `;` or `.`. A name after the
    // last item (`- Lưu: VT` then `Nguyễn Văn An`) is the signer's.
    const isSignerName =
      isPersonName(line) && !closingLines.slice(index + 1).some((next) => dashItem.test(next));
    if (lastWasItem && recipients.length > 0 && !/[;.]$/.test(recipients.at(-1)!) && !isSignerName) {
      recipients[recipients.length - 1] = `${recipients.at(-1)} ${line}`;
      continue;
    }
    signatureLines.push(line);
    lastWasItem = false;
  }

  for (const line of signatureLines) {
    if (signatureNoise.test(line)) continue;
    if (authorityLine.test(line)) signer.authority ??= line;
    else if (deputyLine.test(line)) signer.deputy ??= line;
    else if (isPersonName(line)) signer.name = line;
    else if (isAllCaps(line) && signer.position === null && line.split(' ').length <= 8)
      signer.position = line;
  }
  return {
    recipients: recipients.map(cleanRecipient).filter((item) => item !== ''),
    signer,
    hasRecipients,
    annexStart: end,
  };
}
