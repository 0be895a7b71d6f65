import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { inspectPdf } from './pdf-inspection.ts';

async function onePagePdf(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage();
  page.drawText(text, { font: await document.embedFont(StandardFonts.Helvetica) });

  return document.save();
}

describe('inspecting a PDF', () => {
  it('counts the pages and reads the text of simple fonts', async () => {
    const inspection = await inspectPdf(await onePagePdf('INN 7707083893'));

    expect(inspection).toEqual({ ok: true, pageCount: 1, text: 'INN 7707083893' });
  });

  it('refuses a file that opens but has no page tree, instead of failing the job', async () => {
    const noPages = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );

    expect(await inspectPdf(noPages)).toEqual({ ok: false, reason: 'в файле нет дерева страниц' });
  });

  it('refuses bytes that are not a PDF structure', async () => {
    const inspection = await inspectPdf(Buffer.from('%PDF-1.7\nnothing else'));

    expect(inspection.ok).toBe(false);
  });
});
