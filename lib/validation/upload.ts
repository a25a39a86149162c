// Uploaded images: JPG/JPEG/PNG/GIF, 200 KB – 4 MB, type decided by the bytes, not the file name
// (001 4.5 上传资料有什么要求?: "请勿直接更改格式后缀"). Beyond the magic bytes, the file's structure is walked
// (PNG chunks with their CRCs, JPEG segments, GIF blocks) without decoding a single pixel, so that a
// script renamed .png, an image with a script or an archive glued on after its end (a polyglot), and an
// image whose header claims enough pixels to exhaust memory when decoded (a decompression bomb) are all
// refused before anything is stored.
//
// Pure: no Node APIs (the CRC table is computed here), so the browser can import the size limits too.

export type ImageType = 'jpeg' | 'png' | 'gif';

export const MIN_UPLOAD_BYTES = 200 * 1024;
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

// The 备案 requirements (001 4.5) set only size and format, no pixel dimensions ("资料图片的大小、格式等无具体
// 要求"). A clear photo of an ID card or a 幕布照片 is far below these limits; an image above them is refused
// from its header alone, never decoded: 40 MP of RGBA is 160 MB in memory.
export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 40_000_000;
/** An animated GIF decodes every frame: all frames together may not exceed this many pixels. */
export const MAX_GIF_TOTAL_PIXELS = 100_000_000;
/** A progressive JPEG with thousands of scans costs a decoder minutes of CPU (libjpeg's own guard is similar). */
export const MAX_JPEG_SCANS = 500;

export const UPLOAD_MESSAGES = {
  type: '仅支持 JPG、JPEG、PNG、GIF 格式的图片',
  mismatch: '图片内容与文件扩展名不符，请勿直接修改文件后缀，可用图片工具另存为 JPG、PNG 或 GIF 格式',
  size: '图片大小须在 200 KB 到 4 MB 之间，请调整图片大小后重新上传',
  corrupt: '图片文件不完整或已损坏，请用图片工具打开后重新另存为 JPG、PNG 或 GIF 格式再上传',
  trailing: '图片结束后还附带了其他数据（可能夹带了脚本或压缩包），已拒绝上传，请用图片工具重新另存后上传',
  markup: '图片中夹带了网页或脚本代码，已拒绝上传，请用图片工具重新另存后上传',
  dimensions: '图片尺寸过大：宽、高均不能超过 10000 像素，总像素不能超过 4000 万，请缩小后重新上传',
  chunk: '图片含有非标准的 PNG 数据块，请用图片工具重新另存为 PNG 格式后上传',
  scans: '图片编码过于复杂（渐进式扫描次数过多），请用图片工具重新另存为普通 JPG 格式后上传',
} as const;

export type UploadProblem = keyof typeof UPLOAD_MESSAGES;

/**
 * A refusal named by a key, for the address a plain-form upload is sent back to (JavaScript off): the page
 * shows the message the key stands for, so no text from the address ever reaches the page.
 */
export function uploadProblemKey(message: string): UploadProblem | 'other' {
  const hit = (Object.keys(UPLOAD_MESSAGES) as UploadProblem[]).find((k) => UPLOAD_MESSAGES[k] === message);
  return hit ?? 'other';
}

export function uploadProblemMessage(key: string | undefined): string | null {
  if (!key) return null;
  if (key === 'missing') return '请选择要上传的图片';
  return key in UPLOAD_MESSAGES ? UPLOAD_MESSAGES[key as UploadProblem] : '图片未能上传，请检查图片后重试。';
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** The image type by magic bytes, or null when the content is none of the accepted types. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61])) {
    return 'gif'; // GIF87a / GIF89a
  }
  return null;
}

const EXTENSIONS: Readonly<Record<string, ImageType>> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif' };

/** The size rule alone (the browser checks it before sending a byte). */
export function checkUploadSize(size: number): string | null {
  return size < MIN_UPLOAD_BYTES || size > MAX_UPLOAD_BYTES ? UPLOAD_MESSAGES.size : null;
}

/** A zh-CN error for the filer, or null when the upload is acceptable. */
export function checkUpload(bytes: Uint8Array, declaredName: string): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(declaredName.trim())?.[1]?.toLowerCase() ?? '';
  const declared = EXTENSIONS[ext];
  const actual = sniffImage(bytes);
  if (!declared || !actual) return UPLOAD_MESSAGES.type;
  if (declared !== actual) return UPLOAD_MESSAGES.mismatch;
  const size = checkUploadSize(bytes.length);
  if (size) return size;
  const inspected = inspectImage(bytes, actual);
  return inspected.ok ? null : UPLOAD_MESSAGES[inspected.problem];
}

export type Inspection = { ok: true; width: number; height: number } | { ok: false; problem: UploadProblem };

const fail = (problem: UploadProblem): Inspection => ({ ok: false, problem });

/** Walks the image's structure (never its pixels): where it ends, what it carries, how big it claims to be. */
export function inspectImage(bytes: Uint8Array, type: ImageType): Inspection {
  if (type === 'png') return inspectPng(bytes);
  if (type === 'jpeg') return inspectJpeg(bytes);
  return inspectGif(bytes);
}

function dimensions(width: number, height: number): Inspection {
  if (width <= 0 || height <= 0) return fail('corrupt');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) return fail('dimensions');
  return { ok: true, width, height };
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);

// ---------------------------------------------------------------------------------------------------------
// Markup: HTML, SVG or PHP in the parts of a file a decoder does not decompress (PNG text chunks, JPEG
// APPn/COM segments, GIF extensions). Compressed pixel data is not searched: a few random bytes there could
// spell "<svg" by chance, and a browser told the real type with nosniff never runs them anyway.

const MARKUP = ['<script', '<html', '<body', '<iframe', '<svg', '<?php', '<!doctype'].map((s) => [...s].map((c) => c.charCodeAt(0)));

/** Whether bytes[start, end) contain one of the markers, ASCII case-insensitively. */
export function containsMarkup(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  const view = bytes.subarray(start, end); // indexOf must not run past `end`: GIFs have thousands of small blocks
  for (let i = view.indexOf(0x3c); i !== -1; i = view.indexOf(0x3c, i + 1)) {
    for (const m of MARKUP) {
      if (i + m.length > view.length) continue;
      let k = 1;
      // Letters match in either case; other characters ("?", "!") only exactly.
      while (k < m.length && (m[k]! >= 0x61 ? (view[i + k]! | 0x20) === m[k] : view[i + k] === m[k])) k++;
      if (k === m.length) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// PNG (ISO/IEC 15948): signature, then chunks of length · type · data · CRC-32(type + data). IHDR first,
// IEND last and nothing after it.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG and zlib compute it. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const KNOWN_CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
/** Chunks holding compressed pixel data (APNG frames included); everything else is searched for markup. */
const PIXEL_CHUNKS = new Set(['IDAT', 'fdAT']);
const PNG_DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function inspectPng(b: Uint8Array): Inspection {
  let pos = PNG_SIGNATURE.length;
  let header: Inspection | null = null;
  let sawData = false;
  let sawPalette = false;
  let colorType = -1;
  while (pos < b.length) {
    if (pos + 12 > b.length) return fail('corrupt');
    const length = u32be(b, pos);
    const dataStart = pos + 8;
    const dataEnd = dataStart + length;
    if (length > 0x7fffffff || dataEnd + 4 > b.length) return fail('corrupt');
    const type = String.fromCharCode(b[pos + 4]!, b[pos + 5]!, b[pos + 6]!, b[pos + 7]!);
    if (!/^[A-Za-z]{4}$/.test(type)) return fail('corrupt');
    if (crc32(b, pos + 4, dataEnd) !== u32be(b, dataEnd)) return fail('corrupt');
    pos = dataEnd + 4;

    if (header === null) {
      // IHDR first, exactly 13 bytes: width, height, bit depth, colour type, compression, filter, interlace.
      if (type !== 'IHDR' || length !== 13) return fail('corrupt');
      colorType = b[dataStart + 9]!;
      const depth = b[dataStart + 8]!;
      if (!PNG_DEPTHS[colorType]?.includes(depth) || b[dataStart + 10] !== 0 || b[dataStart + 11] !== 0 || b[dataStart + 12]! > 1) return fail('corrupt');
      header = dimensions(u32be(b, dataStart), u32be(b, dataStart + 4));
      if (!header.ok) return header;
      continue;
    }
    if (type === 'IHDR') return fail('corrupt');
    const critical = type.charCodeAt(0) < 0x61; // upper-case first letter
    if (critical && !KNOWN_CRITICAL.has(type)) return fail('chunk');
    if (type === 'PLTE') sawPalette = true;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (length !== 0 || !sawData || (colorType === 3 && !sawPalette)) return fail('corrupt');
      return pos === b.length ? header : fail('trailing');
    }
    if (!PIXEL_CHUNKS.has(type) && containsMarkup(b, dataStart, dataEnd)) return fail('markup');
  }
  return fail('corrupt'); // ran out of bytes before IEND
}

// ---------------------------------------------------------------------------------------------------------
// JPEG (ITU T.81): SOI, marker segments (0xFF, marker, 16-bit length including itself), a frame header
// (SOFn) with the dimensions, one or more scans (SOS followed by entropy-coded data, in which 0xFF is
// stuffed as FF 00 and RSTn markers may appear), EOI as the very last two bytes.

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const isRst = (m: number) => m >= 0xd0 && m <= 0xd7;

function inspectJpeg(b: Uint8Array): Inspection {
  let pos = 2; // after SOI
  let frame: Inspection | null = null;
  let scans = 0;
  while (pos < b.length) {
    if (b[pos] !== 0xff) return fail('corrupt');
    while (b[pos + 1] === 0xff) pos++; // fill bytes before a marker
    if (pos + 1 >= b.length) return fail('corrupt');
    const marker = b[pos + 1]!;
    pos += 2;
    if (marker === 0xd9) {
      // EOI
      if (!frame || scans === 0) return fail('corrupt');
      return pos === b.length ? frame : fail('trailing');
    }
    if (isRst(marker) || marker === 0x01) continue; // stand-alone markers
    if (marker === 0x00 || marker === 0xd8) return fail('corrupt');
    if (pos + 2 > b.length) return fail('corrupt');
    const length = u16be(b, pos);
    const end = pos + length;
    if (length < 2 || end > b.length) return fail('corrupt');
    if (containsMarkup(b, pos + 2, end)) return fail('markup');
    if (isSof(marker)) {
      if (frame || length < 8) return fail('corrupt');
      frame = dimensions(u16be(b, pos + 5), u16be(b, pos + 3)); // precision, height, width
      if (!frame.ok) return frame;
    }
    pos = end;
    if (marker === 0xda) {
      // SOS: the entropy-coded data runs to the next marker that is neither stuffing (FF 00) nor RSTn.
      if (!frame) return fail('corrupt');
      if (++scans > MAX_JPEG_SCANS) return fail('scans');
      for (;;) {
        const ff = b.indexOf(0xff, pos);
        if (ff === -1 || ff + 1 >= b.length) return fail('corrupt');
        const next = b[ff + 1]!;
        if (next === 0x00 || isRst(next)) pos = ff + 2;
        else if (next === 0xff) pos = ff + 1;
        else {
          pos = ff;
          break;
        }
      }
    }
  }
  return fail('corrupt'); // no EOI
}

// ---------------------------------------------------------------------------------------------------------
// GIF (89a spec): header, logical screen descriptor (+ global colour table), then image descriptors
// (0x2C, + local colour table, LZW code size, data sub-blocks) and extensions (0x21, label, sub-blocks),
// ended by the trailer 0x3B as the very last byte.

function inspectGif(b: Uint8Array): Inspection {
  if (b.length < 13) return fail('corrupt');
  const screen = dimensions(u16le(b, 6), u16le(b, 8));
  if (!screen.ok) return screen;
  let pos = 13 + colourTable(b[10]!);
  let frames = 0;
  let pixels = 0;
  while (pos < b.length) {
    const introducer = b[pos]!;
    if (introducer === 0x3b) {
      if (frames === 0) return fail('corrupt');
      return pos + 1 === b.length ? screen : fail('trailing');
    }
    if (introducer === 0x21) {
      // Extension: label, then sub-blocks of plain bytes (comments, application data) searched for markup.
      const blocks = subBlocks(b, pos + 2);
      if (!blocks) return fail('corrupt');
      if (blocks.some(([s, e]) => containsMarkup(b, s, e))) return fail('markup');
      pos = blocks.end;
      continue;
    }
    if (introducer !== 0x2c || pos + 10 > b.length) return fail('corrupt');
    const frame = dimensions(u16le(b, pos + 5), u16le(b, pos + 7));
    if (!frame.ok) return frame;
    frames++;
    pixels += frame.width * frame.height;
    if (pixels > MAX_GIF_TOTAL_PIXELS) return fail('dimensions');
    pos += 10 + colourTable(b[pos + 9]!);
    const lzwMinCodeSize = b[pos];
    if (lzwMinCodeSize === undefined || lzwMinCodeSize < 2 || lzwMinCodeSize > 11) return fail('corrupt');
    const blocks = subBlocks(b, pos + 1); // LZW-compressed pixels: skipped, not searched
    if (!blocks) return fail('corrupt');
    pos = blocks.end;
  }
  return fail('corrupt'); // no trailer
}

/** The [start, end) of each data sub-block from `from` up to its terminator, or null when truncated. */
function subBlocks(b: Uint8Array, from: number): ([number, number][] & { end: number }) | null {
  const out: [number, number][] = [];
  for (let p = from; p < b.length; ) {
    const size = b[p]!;
    if (size === 0) return Object.assign(out, { end: p + 1 });
    if (p + 1 + size > b.length) return null;
    out.push([p + 1, p + 1 + size]);
    p += 1 + size;
  }
  return null;
}

/** Bytes of the colour table a packed field announces (its top bit says whether there is one). */
function colourTable(packed: number): number {
  return packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0;
}
