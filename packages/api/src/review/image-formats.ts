/**
 * Structural checks of uploaded images, without an image library: enough to tell a picture a
 * viewer can draw from a renamed or truncated file. PNG follows ISO/IEC 15948 (W3C PNG, 2nd
 * ed.), JPEG follows ITU-T T.81 (ISO/IEC 10918-1), Annex B.
 */

/** Why an image is not decodable, in Russian, or null when it is. */
export type ImageVerdict =
  { ok: true; width: number; height: number } | { ok: false; reason: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }

  return table;
})();

/** CRC-32 as PNG uses it (ISO 3309, the polynomial of PNG spec, Annex D). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);

  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A PNG is decodable when it has the signature, an IHDR first (13 bytes, width and height
 * above zero), at least one IDAT, an IEND last, and every chunk's CRC matches (PNG, 5.3).
 */
export function checkPng(bytes: Buffer): ImageVerdict {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return { ok: false, reason: 'нет подписи формата PNG' };
  }

  let offset = 8;
  let size: { width: number; height: number } | null = null;
  let hasData = false;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) return { ok: false, reason: `блок ${type} обрезан` };
    const expected = bytes.readUInt32BE(end - 4);
    if (crc32(bytes.subarray(offset + 4, end - 4)) !== expected) {
      return { ok: false, reason: `неверная контрольная сумма блока ${type}` };
    }
    if (size === null) {
      if (type !== 'IHDR' || length !== 13) return { ok: false, reason: 'нет заголовка IHDR' };
      size = { width: bytes.readUInt32BE(offset + 8), height: bytes.readUInt32BE(offset + 12) };
      if (size.width === 0 || size.height === 0) return { ok: false, reason: 'нулевой размер' };
    }
    if (type === 'IDAT') hasData = true;
    if (type === 'IEND') {
      return hasData && size
        ? { ok: true, ...size }
        : { ok: false, reason: 'нет данных изображения' };
    }
    offset = end;
  }

  return { ok: false, reason: 'файл обрезан: нет блока IEND' };
}

/** Start-of-frame markers of baseline, extended and progressive Huffman JPEG (T.81, B.1.1.3). */
const START_OF_FRAME = new Set([0xc0, 0xc1, 0xc2]);
/** Markers that stand alone, without a length: TEM and RST0-7 (T.81, B.1.1.2). */
const STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7]);

/**
 * A JPEG is decodable when it starts with SOI, carries a SOF0/SOF1/SOF2 frame header with
 * height and width above zero before the scan (SOS), and ends with EOI.
 */
export function checkJpeg(bytes: Buffer): ImageVerdict {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) {
    return { ok: false, reason: 'нет маркера начала JPEG' };
  }

  let offset = 2;
  let size: { width: number; height: number } | null = null;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { ok: false, reason: 'нарушена структура сегментов' };
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill bytes before a marker are allowed (T.81, B.1.1.2)
      continue;
    }
    if (STANDALONE.has(marker)) {
      offset += 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) {
      return { ok: false, reason: 'сегмент обрезан' };
    }
    if (START_OF_FRAME.has(marker) && length >= 7) {
      size = { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    if (marker === 0xda) break;
    offset += 2 + length;
  }

  if (!size) return { ok: false, reason: 'нет заголовка кадра (SOF)' };
  if (size.width === 0 || size.height === 0) return { ok: false, reason: 'нулевой размер' };
  if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) {
    return { ok: false, reason: 'файл обрезан: нет маркера конца' };
  }

  return { ok: true, ...size };
}
