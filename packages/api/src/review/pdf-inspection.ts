import {
  decodePDFRawStream,
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  type PDFPage,
} from 'pdf-lib';

/** What the checks learn from a PDF: pages, and the text of its simple fonts when any. */
export type PdfInspection =
  { ok: true; pageCount: number; text: string | null } | { ok: false; reason: string };

/**
 * Opens a PDF the way a viewer would and counts its pages. The text is read from the show-text
 * operators (ISO 32000-1, 9.4.3) of strings in simple fonts (Type1, TrueType: one byte per
 * character); strings in composite (Type0) fonts hold glyph ids that need the font's ToUnicode
 * map, which is not read here, so such a PDF counts as having no extractable text.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    if (error instanceof EncryptedPDFError) return { ok: false, reason: 'файл защищён паролем' };

    return { ok: false, reason: 'структура файла повреждена' };
  }

  const pageCount = countPages(document);
  if (pageCount === null) return { ok: false, reason: 'в файле нет дерева страниц' };
  if (pageCount < 1) return { ok: false, reason: 'в файле нет ни одной страницы' };

  try {
    const text = document.getPages().map(pageText).join('\n').trim();

    return { ok: true, pageCount, text: text === '' ? null : text };
  } catch {
    // The pages open but a content stream does not decode: readable, but no text to rely on.
    return { ok: true, pageCount, text: null };
  }
}

/** The page count, or null when the document has no readable page tree (ISO 32000-1, 7.7.3). */
function countPages(document: PDFDocument): number | null {
  try {
    return document.getPageCount();
  } catch {
    return null;
  }
}

function pageText(page: PDFPage): string {
  const simpleFonts = simpleFontNames(page);
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray
      ? contents.asArray().map((ref) => page.doc.context.lookup(ref))
      : [contents];
  const decoded = streams
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'));

  return showTextOf(decoded.join('\n'), simpleFonts);
}

/** Resource names of the page's fonts that map one byte to one character. */
function simpleFontNames(page: PDFPage): Set<string> {
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const names = new Set<string>();
  for (const [name, ref] of fonts?.entries() ?? []) {
    const font = page.doc.context.lookup(ref);
    if (!(font instanceof PDFDict)) continue;
    const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString();
    if (subtype !== '/Type0') names.add(name.asString());
  }

  return names;
}

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'operator'; value: string }
  | { kind: 'other' };

const WHITESPACE = /[\0\t\n\f\r ]/;
const DELIMITER = /[()<>[\]{}/%]/;

/** Collects the strings shown by Tj, TJ, ' and " while a simple font is selected. */
function showTextOf(content: string, simpleFonts: Set<string>): string {
  const parts: string[] = [];
  let operands: Token[] = [];
  let font: string | null = null;
  for (const token of tokenize(content)) {
    if (token.kind !== 'operator') {
      operands.push(token);
      continue;
    }
    const op = token.value;
    if (op === 'Tf') font = operands.find((operand) => operand.kind === 'name')?.value ?? null;
    if (['Tj', 'TJ', "'", '"'].includes(op) && font !== null && simpleFonts.has(font)) {
      for (const operand of operands) if (operand.kind === 'string') parts.push(operand.value);
    }
    if (['ET', 'Td', 'TD', 'T*', 'Tm', "'", '"'].includes(op)) parts.push(' ');
    operands = [];
  }

  return parts.join('').replace(/\s+/g, ' ');
}

/** Splits a content stream into tokens (ISO 32000-1, 7.2 and 7.3). */
function* tokenize(source: string): Generator<Token> {
  let at = 0;
  while (at < source.length) {
    const char = source.charAt(at);
    if (WHITESPACE.test(char)) {
      at++;
    } else if (char === '%') {
      while (at < source.length && !/[\r\n]/.test(source.charAt(at))) at++;
    } else if (char === '(') {
      const [value, next] = literalString(source, at + 1);
      yield { kind: 'string', value };
      at = next;
    } else if (source.startsWith('<<', at) || source.startsWith('>>', at)) {
      yield { kind: 'other' };
      at += 2;
    } else if (char === '<') {
      const end = source.indexOf('>', at);
      const stop = end === -1 ? source.length : end;
      yield { kind: 'string', value: hexString(source.slice(at + 1, stop)) };
      at = stop + 1;
    } else if (char === '[' || char === ']' || char === '{' || char === '}') {
      yield { kind: 'other' };
      at++;
    } else {
      let end = at + 1;
      while (end < source.length && !WHITESPACE.test(source.charAt(end))) {
        if (DELIMITER.test(source.charAt(end))) break;
        end++;
      }
      const word = source.slice(at, end);
      at = end;
      if (char === '/') yield { kind: 'name', value: word };
      else if (/^[+\-.\d]/.test(word)) yield { kind: 'other' };
      else {
        yield { kind: 'operator', value: word };
        // Inline image data is binary until EI (ISO 32000-1, 8.9.7): skip it whole.
        if (word === 'ID') {
          const end = source.slice(at).search(/\sEI(\s|$)/);
          at = end === -1 ? source.length : at + end + 3;
        }
      }
    }
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** A literal string from just after its "(": balanced parentheses and escapes (7.3.4.2). */
function literalString(source: string, start: number): [string, number] {
  let depth = 1;
  let value = '';
  let at = start;
  while (at < source.length) {
    const char = source.charAt(at);
    if (char === '\\') {
      const next = source.charAt(at + 1);
      const octal = /^[0-7]{1,3}/.exec(source.slice(at + 1, at + 4))?.[0];
      if (octal) {
        value += String.fromCharCode(parseInt(octal, 8) & 0xff);
        at += 1 + octal.length;
        continue;
      }
      if (next === '\r' || next === '\n') {
        at += source.startsWith('\r\n', at + 1) ? 3 : 2;
        continue;
      }
      value += ESCAPES[next] ?? next;
      at += 2;
      continue;
    }
    if (char === '(') depth++;
    if (char === ')' && --depth === 0) return [value, at + 1];
    value += char;
    at++;
  }

  return [value, at];
}

function hexString(body: string): string {
  const digits = body.replace(/[^0-9a-fA-F]/g, '');
  const even = digits.length % 2 === 0 ? digits : `${digits}0`;

  return Buffer.from(even, 'hex').toString('latin1');
}
