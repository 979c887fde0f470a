import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { sharedDataDir } from './test-database.ts';

/** The seed plans beside ../shared/data: `../shared/fixtures/plans/`. */
export const sharedPlansDir = path.join(path.dirname(sharedDataDir), 'fixtures', 'plans');

/** Lai Châu's 2026 plan for gender equality (UBND tỉnh, number left blank), as text. */
export function readPlanFixture(name = '001_313e71faf7f6eb78.txt'): string {
  return readFileSync(path.join(sharedPlansDir, name), 'utf8');
}

/** The upload form: the document and the receiving unit. */
export function uploadForm(orgUnitId: number | null, file: File | null): FormData {
  const form = new FormData();
  if (file) form.append('file', file);
  if (orgUnitId !== null) form.append('orgUnitId', String(orgUnitId));
  return form;
}

export function textFile(text: string, name = 'ke-hoach.txt'): File {
  return new File([new TextEncoder().encode(text)], name, { type: 'text/plain' });
}

/** The same text as a Word document, one paragraph per line, as an office would have typed it. */
export async function docxFile(text: string, name = 'ke-hoach.docx'): Promise<File> {
  const document = new Document({
    sections: [
      {
        children: text.split(/\r?\n/).map(
          (line) =>
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              children: [new TextRun({ text: line, font: 'Times New Roman', size: 28 })],
            }),
        ),
      },
    ],
  });
  const bytes = await Packer.toBuffer(document);
  return new File([new Uint8Array(bytes)], name, {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}
