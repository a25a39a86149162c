import { describe, expect, it } from 'vitest';
import {
  MAX_GIF_TOTAL_PIXELS,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
  MAX_JPEG_SCANS,
  MAX_UPLOAD_BYTES,
  MIN_UPLOAD_BYTES,
  UPLOAD_MESSAGES as M,
  checkUpload,
  checkUploadSize,
  containsMarkup,
  crc32,
  inspectImage,
  sniffImage,
} from './upload';
import { PNG_SIGNATURE, gif, gifFrame, gifSubBlocks, ihdr, jpeg, jpegSegment, png, pngChunk, script, textChunk } from '@/tests/support/images';

const KB = 1024;
const ascii = (s: string) => Buffer.from(s, 'latin1');
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const PNG = [...PNG_SIGNATURE];
const GIF87 = [...'GIF87a'].map((c) => c.charCodeAt(0));
const GIF89 = [...'GIF89a'].map((c) => c.charCodeAt(0));
const PDF = [...'%PDF-1.7'].map((c) => c.charCodeAt(0));

function file(magic: number[], size = 300 * KB): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(magic);
  return bytes;
}

/** A PNG assembled from chunks, for the structural cases the png() helper would never produce. */
function rawPng(...chunks: Buffer[]): Buffer {
  return Buffer.concat([PNG_SIGNATURE, ...chunks]);
}
const IDAT = pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]));
const IEND = pngChunk('IEND');

/** The byte offset of the first JPEG marker `m` (0xFF m) after SOI. */
const markerAt = (b: Buffer, m: number) => b.indexOf(Buffer.from([0xff, m]), 2);

describe('sniffImage', () => {
  it('recognises JPEG, PNG and both GIF versions by their magic bytes', () => {
    expect(sniffImage(file(JPEG, 16))).toBe('jpeg');
    expect(sniffImage(file(PNG, 16))).toBe('png');
    expect(sniffImage(file(GIF87, 16))).toBe('gif');
    expect(sniffImage(file(GIF89, 16))).toBe('gif');
  });
  it('rejects other content and truncated headers', () => {
    expect(sniffImage(file(PDF, 16))).toBeNull();
    expect(sniffImage(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe('checkUpload: type, name and size', () => {
  it('accepts well-formed images of the right type and size, whatever the extension case', () => {
    expect(checkUpload(jpeg(), '身份证.jpg')).toBeNull();
    expect(checkUpload(jpeg(), 'ID.JPEG')).toBeNull();
    expect(checkUpload(png({ size: MIN_UPLOAD_BYTES }), 'a.png')).toBeNull();
    expect(checkUpload(png({ size: MAX_UPLOAD_BYTES, width: 2000, height: 1500 }), 'a.PNG')).toBeNull();
    expect(checkUpload(gif({ size: MAX_UPLOAD_BYTES }), 'a.gif')).toBeNull();
    expect(checkUpload(gif({ size: MIN_UPLOAD_BYTES, width: 640, height: 480 }), 'a.gif')).toBeNull();
    expect(checkUpload(jpeg({ size: MIN_UPLOAD_BYTES, width: 4000, height: 3000 }), '幕布照片.jpeg')).toBeNull();
  });
  it('rejects content that is not an accepted image', () => {
    expect(checkUpload(file(PDF), 'scan.jpg')).toBe(M.type);
    expect(checkUpload(jpeg(), 'scan.pdf')).toBe(M.type);
    expect(checkUpload(jpeg(), 'no-extension')).toBe(M.type);
  });
  it('rejects a script renamed .png, .jpg or .gif: content decides, not the name', () => {
    for (const name of ['evil.png', 'evil.jpg', 'evil.gif']) expect(checkUpload(script(), name)).toBe(M.type);
    expect(checkUpload(script(300 * KB, '<?php system($_GET["c"]); ?>'), 'shell.png')).toBe(M.type);
    expect(checkUpload(script(300 * KB, '<svg onload=alert(1)>'), 'a.png')).toBe(M.type);
  });
  it('rejects a renamed image', () => {
    expect(checkUpload(png(), 'photo.jpg')).toBe(M.mismatch);
    expect(checkUpload(gif(), 'photo.png')).toBe(M.mismatch);
  });
  it('rejects files under 200 KB or over 4 MB, checked before the structure is walked', () => {
    expect(checkUpload(png({ size: MIN_UPLOAD_BYTES - 1 }), 'a.png')).toBe(M.size);
    expect(checkUpload(jpeg({ size: MAX_UPLOAD_BYTES + 1 }), 'a.jpg')).toBe(M.size);
    expect(checkUpload(file(JPEG, 50 * 1024 * 1024), 'big.jpg')).toBe(M.size);
    expect(checkUploadSize(0)).toBe(M.size);
    expect(checkUploadSize(MIN_UPLOAD_BYTES)).toBeNull();
    expect(checkUploadSize(MAX_UPLOAD_BYTES)).toBeNull();
    expect(checkUploadSize(50 * 1024 * 1024)).toBe(M.size);
  });
  it('rejects magic bytes followed by nothing of the format (the old check accepted these)', () => {
    expect(checkUpload(file(PNG), 'a.png')).toBe(M.corrupt);
    expect(checkUpload(file(JPEG), 'a.jpg')).toBe(M.corrupt);
    expect(checkUpload(file(GIF89), 'a.gif')).toBe(M.corrupt);
  });
  it('every refusal is a Chinese sentence', () => {
    for (const m of Object.values(M)) expect(m).toMatch(/[\u4e00-\u9fa5]{4}/);
  });
});

describe('polyglots: data after the image end, or markup in its metadata', () => {
  const ZIP = Buffer.concat([ascii('PK\x03\x04'), Buffer.alloc(200, 1), ascii('PK\x05\x06'), Buffer.alloc(18)]);
  const cases: [string, Buffer][] = [['png', png()], ['jpg', jpeg()], ['gif', gif()]];
  it.each(cases)('%s followed by a zip archive, a script or a single byte is refused', (ext, image) => {
    expect(checkUpload(Buffer.concat([image, ZIP]), `a.${ext}`)).toBe(M.trailing);
    expect(checkUpload(Buffer.concat([image, ascii('<script>alert(1)</script>')]), `a.${ext}`)).toBe(M.trailing);
    expect(checkUpload(Buffer.concat([image, Buffer.from([0])]), `a.${ext}`)).toBe(M.trailing);
  });
  it('PNG text chunks carrying HTML, SVG or PHP are refused, in any letter case', () => {
    for (const payload of ['<script>alert(1)</script>', '<?php system($_GET["c"]); ?>', '<SVG onload=alert(1)>', '<!DOCTYPE html><HTML>', '<iframe src=//evil>', '<body onload=x>']) {
      expect(checkUpload(png({ extraChunks: [textChunk(payload)] }), 'a.png')).toBe(M.markup);
    }
    // Any ancillary chunk, not only tEXt; its keyword counts too.
    expect(checkUpload(png({ extraChunks: [pngChunk('zzZz', ascii('<script src=x>'))] }), 'a.png')).toBe(M.markup);
    expect(checkUpload(png({ extraChunks: [textChunk('ok', '<html>')] }), 'a.png')).toBe(M.markup);
  });
  it('harmless text and "<" elsewhere are fine; compressed pixel data is not searched', () => {
    expect(checkUpload(png({ extraChunks: [textChunk('a < b, <sc, <scrip, <?ph, <!doc, x<')] }), 'a.png')).toBeNull();
    expect(checkUpload(png({ extraChunks: [pngChunk('IDAT', ascii('<svg'))] }), 'a.png')).toBeNull();
  });
  it('JPEG comment and APPn segments carrying markup are refused', () => {
    expect(checkUpload(jpeg({ segments: [jpegSegment(0xfe, ascii('<?php echo 1; ?>'))] }), 'a.jpg')).toBe(M.markup);
    expect(checkUpload(jpeg({ segments: [jpegSegment(0xe1, ascii('Exif\0\0<ScRiPt>'))] }), 'a.jpg')).toBe(M.markup);
    expect(checkUpload(jpeg({ segments: [jpegSegment(0xfe, ascii('Created with GIMP; 1 < 2'))] }), 'a.jpg')).toBeNull();
  });
  it('GIF comment and application extensions carrying markup are refused', () => {
    const comment = Buffer.concat([Buffer.from([0x21, 0xfe]), gifSubBlocks(ascii('<script>alert(1)</script>'))]);
    expect(checkUpload(gif({ extensions: [comment] }), 'a.gif')).toBe(M.markup);
    const app = Buffer.concat([Buffer.from([0x21, 0xff]), gifSubBlocks(ascii('NETSCAPE2.0<svg/onload=x>'))]);
    expect(checkUpload(gif({ extensions: [app] }), 'a.gif')).toBe(M.markup);
  });
  it('the classic GIF/JavaScript polyglot (GIF89a/*…*/=alert(1)) is refused', () => {
    // "/*" as the logical screen width is 10,799 px; the script after the trailer is trailing data anyway.
    const g = gif({ width: 1, height: 1 });
    g.write('/*', 6, 'latin1');
    expect(checkUpload(g, 'a.gif')).toBe(M.dimensions);
    expect(checkUpload(Buffer.concat([gif(), ascii('*/=alert(1)//')]), 'a.gif')).toBe(M.trailing);
  });
});

describe('decompression bombs: refused from the declared dimensions, never decoded', () => {
  it('a real 20000 × 20000 PNG of zeros (400 megapixels deflated into a few dozen KB)', () => {
    const bomb = png({ width: 20_000, height: 20_000 });
    expect(bomb.length).toBe(300 * KB);
    expect(checkUpload(bomb, 'bomb.png')).toBe(M.dimensions);
  });
  it.each([
    ['png', (w: number, h: number) => png({ width: w, height: h })],
    ['jpg', (w: number, h: number) => jpeg({ width: w, height: h })],
    ['gif', (w: number, h: number) => gif({ width: w, height: h })],
  ] as const)('%s: the side and area limits are inclusive', (ext, make) => {
    expect(checkUpload(make(MAX_IMAGE_SIDE, MAX_IMAGE_PIXELS / MAX_IMAGE_SIDE), `a.${ext}`)).toBeNull();
    expect(checkUpload(make(MAX_IMAGE_SIDE + 1, 1), `a.${ext}`)).toBe(M.dimensions);
    expect(checkUpload(make(1, MAX_IMAGE_SIDE + 1), `a.${ext}`)).toBe(M.dimensions);
    expect(checkUpload(make(8000, 6000), `a.${ext}`)).toBe(M.dimensions); // 48 MP
    expect(checkUpload(make(65_535, 65_535), `a.${ext}`)).toBe(M.dimensions);
  });
  it('a PNG declaring 2^31 pixels per side', () => {
    const b = png();
    const big = rawPng(ihdr(0x7fffffff, 0x7fffffff), IDAT, IEND);
    expect(inspectImage(big, 'png')).toEqual({ ok: false, problem: 'dimensions' });
    expect(inspectImage(b, 'png')).toEqual({ ok: true, width: 64, height: 48 });
  });
  it('zero width or height is a broken header', () => {
    expect(inspectImage(rawPng(ihdr(0, 10), IDAT, IEND), 'png')).toEqual({ ok: false, problem: 'corrupt' });
    expect(inspectImage(jpeg({ width: 10, height: 0 }), 'jpeg')).toEqual({ ok: false, problem: 'corrupt' });
    expect(inspectImage(gif({ width: 0, height: 1 }), 'gif')).toEqual({ ok: false, problem: 'corrupt' });
  });
  it('a GIF frame larger than the limits, or frames adding up to too many pixels', () => {
    expect(checkUpload(gif({ width: 100, height: 100, frames: [gifFrame(20_000, 100)] }), 'a.gif')).toBe(M.dimensions);
    const frame = gifFrame(5000, 1000); // 5 MP each
    const frames = Array.from({ length: MAX_GIF_TOTAL_PIXELS / 5_000_000 + 1 }, () => frame);
    expect(checkUpload(gif({ width: 5000, height: 1000, frames }), 'a.gif')).toBe(M.dimensions);
    expect(checkUpload(gif({ width: 5000, height: 1000, frames: frames.slice(1) }), 'a.gif')).toBeNull();
  });
  it(`a JPEG with more than ${MAX_JPEG_SCANS} progressive scans`, () => {
    const base = jpeg({ size: 269 });
    const sosAt = markerAt(base, 0xda);
    const scan = base.subarray(sosAt, base.length - 2); // SOS header and its entropy-coded data
    const scans = (n: number) => Buffer.concat([base.subarray(0, sosAt), ...Array.from({ length: n }, () => scan), Buffer.from([0xff, 0xd9])]);
    expect(inspectImage(scans(MAX_JPEG_SCANS), 'jpeg').ok).toBe(true);
    expect(inspectImage(scans(MAX_JPEG_SCANS + 1), 'jpeg')).toEqual({ ok: false, problem: 'scans' });
  });
});

describe('PNG structure', () => {
  const inspect = (b: Buffer) => inspectImage(b, 'png');
  it('accepts the minimal image and unknown ancillary chunks', () => {
    expect(inspect(rawPng(ihdr(1, 1), IDAT, IEND))).toEqual({ ok: true, width: 1, height: 1 });
    expect(inspect(rawPng(ihdr(1, 1), pngChunk('prVt', Buffer.alloc(10)), IDAT, IEND)).ok).toBe(true);
    expect(inspect(rawPng(ihdr(1, 1, 8, 3), pngChunk('PLTE', Buffer.alloc(3)), IDAT, IEND)).ok).toBe(true);
  });
  it('refuses an unknown critical chunk', () => {
    expect(inspect(rawPng(ihdr(1, 1), pngChunk('HACK', Buffer.alloc(4)), IDAT, IEND))).toEqual({ ok: false, problem: 'chunk' });
    expect(checkUpload(png({ extraChunks: [pngChunk('CgBI', Buffer.alloc(4))] }), 'iphone.png')).toBe(M.chunk);
  });
  it.each([
    ['a wrong CRC', () => { const b = png(); b.writeUInt8(b[PNG_SIGNATURE.length + 20]! ^ 0xff, PNG_SIGNATURE.length + 20); return b; }],
    ['IHDR not first', () => rawPng(IDAT, ihdr(1, 1), IEND)],
    ['IHDR of the wrong length', () => rawPng(pngChunk('IHDR', Buffer.alloc(12)), IDAT, IEND)],
    ['a second IHDR', () => rawPng(ihdr(1, 1), ihdr(1, 1), IDAT, IEND)],
    ['an impossible bit depth', () => rawPng(ihdr(1, 1, 3, 0), IDAT, IEND)],
    ['an unknown colour type', () => rawPng(ihdr(1, 1, 8, 5), IDAT, IEND)],
    ['an unknown interlace method', () => { const h = Buffer.from(ihdr(1, 1)); h[8 + 12] = 2; return rawPng(pngChunk('IHDR', h.subarray(8, 21)), IDAT, IEND); }],
    ['a palette image without PLTE', () => rawPng(ihdr(1, 1, 8, 3), IDAT, IEND)],
    ['no IDAT', () => rawPng(ihdr(1, 1), IEND)],
    ['IEND with data', () => rawPng(ihdr(1, 1), IDAT, pngChunk('IEND', Buffer.alloc(1)))],
    ['no IEND (truncated)', () => rawPng(ihdr(1, 1), IDAT)],
    ['a chunk running past the end', () => png().subarray(0, 300 * KB - 20)],
    ['a chunk length over 2^31', () => rawPng(ihdr(1, 1), Buffer.from([0x80, 0, 0, 0, 0x74, 0x45, 0x58, 0x74]), Buffer.alloc(8), IDAT, IEND)],
    ['a chunk type that is not four letters', () => rawPng(ihdr(1, 1), pngChunk('t3Xt', Buffer.alloc(1)), IDAT, IEND)],
    ['a dangling partial chunk header', () => Buffer.concat([rawPng(ihdr(1, 1), IDAT), Buffer.alloc(5)])],
    ['only the signature', () => Buffer.from(PNG_SIGNATURE)],
  ])('refuses %s as corrupt', (_name, make) => {
    expect(inspect(make())).toEqual({ ok: false, problem: 'corrupt' });
  });
});

describe('JPEG structure', () => {
  const inspect = (b: Buffer) => inspectImage(b, 'jpeg');
  const tiny = () => jpeg({ size: 269 });
  it('the fixture is the untouched 8 × 8 picture', () => {
    expect(tiny()).toHaveLength(269);
    expect(inspect(tiny())).toEqual({ ok: true, width: 8, height: 8 });
  });
  it('accepts fill bytes before markers, byte stuffing and restart markers in the scan', () => {
    const b = tiny();
    const withFill = Buffer.concat([b.subarray(0, 2), Buffer.from([0xff, 0xff]), b.subarray(2)]);
    expect(inspect(withFill).ok).toBe(true);
    const eoi = b.length - 2;
    const scan = Buffer.concat([b.subarray(0, eoi), Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff, 0xd9])]);
    expect(inspect(scan).ok).toBe(true);
    const temMarker = Buffer.concat([b.subarray(0, 2), Buffer.from([0xff, 0x01]), b.subarray(2)]);
    expect(inspect(temMarker).ok).toBe(true);
  });
  it('reads the dimensions from any SOF kind (progressive SOF2 here)', () => {
    const b = tiny();
    b[markerAt(b, 0xc0) + 1] = 0xc2;
    expect(inspect(b)).toEqual({ ok: true, width: 8, height: 8 });
  });
  it.each([
    ['no EOI (truncated)', () => tiny().subarray(0, 267)],
    ['a scan that never ends', () => tiny().subarray(0, 262)],
    ['no frame header', () => { const b = tiny(); const at = markerAt(b, 0xc0); return Buffer.concat([b.subarray(0, at), b.subarray(at + 2 + b.readUInt16BE(at + 2))]); }],
    ['a second frame header', () => { const b = tiny(); const at = markerAt(b, 0xc0); const sof = b.subarray(at, at + 2 + b.readUInt16BE(at + 2)); return Buffer.concat([b.subarray(0, at), sof, b.subarray(at)]); }],
    ['a frame header too short', () => Buffer.concat([Buffer.from([0xff, 0xd8]), jpegSegment(0xc0, Buffer.alloc(3)), Buffer.from([0xff, 0xd9])])],
    ['a scan before the frame header', () => Buffer.concat([Buffer.from([0xff, 0xd8]), jpegSegment(0xda, Buffer.alloc(10)), Buffer.from([0xff, 0xd9])])],
    ['EOI before any scan', () => { const b = tiny(); return Buffer.concat([b.subarray(0, markerAt(b, 0xda)), Buffer.from([0xff, 0xd9])]); }],
    ['a segment running past the end', () => Buffer.concat([tiny().subarray(0, 2), Buffer.from([0xff, 0xfe, 0xff, 0xff, 0x20])])],
    ['a segment length under 2', () => Buffer.concat([tiny().subarray(0, 2), Buffer.from([0xff, 0xfe, 0x00, 0x01]), tiny().subarray(2)])],
    ['garbage between segments', () => { const b = tiny(); return Buffer.concat([b.subarray(0, 2), Buffer.from([0x00]), b.subarray(2)]); }],
    ['a second SOI', () => Buffer.concat([tiny().subarray(0, 2), tiny()])],
    ['a marker 0x00 between segments', () => Buffer.concat([tiny().subarray(0, 2), Buffer.from([0xff, 0x00]), tiny().subarray(2)])],
    ['a lone 0xFF at the end', () => Buffer.from([0xff, 0xd8, 0xff])],
    ['a marker without its length', () => Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0x00])],
    ['SOI and nothing else', () => Buffer.from([0xff, 0xd8])],
  ])('refuses %s as corrupt', (_name, make) => {
    expect(inspect(make())).toEqual({ ok: false, problem: 'corrupt' });
  });
});

describe('GIF structure', () => {
  const inspect = (b: Buffer) => inspectImage(b, 'gif');
  const header = (w = 1, h = 1, packed = 0) => {
    const b = Buffer.alloc(13);
    b.write('GIF89a', 0, 'latin1');
    b.writeUInt16LE(w, 6);
    b.writeUInt16LE(h, 8);
    b[10] = packed;
    return b;
  };
  it('accepts a frame with a local colour table and a graphic control extension', () => {
    const frame = gifFrame(1, 1);
    frame[9] = 0x80; // local table of 2 entries
    const withTable = Buffer.concat([frame.subarray(0, 10), Buffer.alloc(6), frame.subarray(10)]);
    const gce = Buffer.from([0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00]);
    expect(inspect(Buffer.concat([header(), gce, withTable, Buffer.from([0x3b])]))).toEqual({ ok: true, width: 1, height: 1 });
  });
  it.each([
    ['no frame', () => Buffer.concat([header(), Buffer.from([0x3b])])],
    ['no trailer', () => Buffer.concat([header(), gifFrame(1, 1)])],
    ['an unknown block', () => Buffer.concat([header(), Buffer.from([0x99]), gifFrame(1, 1), Buffer.from([0x3b])])],
    ['a truncated image descriptor', () => Buffer.concat([header(), gifFrame(1, 1).subarray(0, 6)])],
    ['an LZW code size out of range', () => { const f = gifFrame(1, 1); f[10] = 12; return Buffer.concat([header(), f, Buffer.from([0x3b])]); }],
    ['a missing LZW code size', () => Buffer.concat([header(), gifFrame(1, 1).subarray(0, 10)])],
    ['a truncated sub-block', () => Buffer.concat([header(), gifFrame(1, 1).subarray(0, 13)])],
    ['a sub-block running past the end', () => Buffer.concat([header(), gifFrame(1, 1).subarray(0, 11), Buffer.from([0x20, 1, 2])])],
    ['a truncated extension', () => Buffer.concat([header(), Buffer.from([0x21])])],
    ['an extension sub-block running past the end', () => Buffer.concat([header(), Buffer.from([0x21, 0xfe, 0x10, 0x20])])],
    ['a header shorter than the screen descriptor', () => header().subarray(0, 10)],
    ['a global colour table running past the end', () => header(1, 1, 0x87)],
  ])('refuses %s as corrupt', (_name, make) => {
    expect(inspect(make())).toEqual({ ok: false, problem: 'corrupt' });
  });
});

describe('containsMarkup and crc32', () => {
  it('matches the markers case-insensitively within the given range only', () => {
    expect(containsMarkup(ascii('xx<ScRiPt'))).toBe(true);
    expect(containsMarkup(ascii('xx<ScRiPt'), 0, 8)).toBe(false);
    expect(containsMarkup(ascii('<svg xx'), 1)).toBe(false);
    expect(containsMarkup(ascii('<?PHP'))).toBe(true);
    expect(containsMarkup(ascii('<!DocType html'))).toBe(true);
  });
  it('folds only letters: bytes one bit away from "?" or "!" do not match', () => {
    expect(containsMarkup(Buffer.from([0x3c, 0x1f, 0x70, 0x68, 0x70]))).toBe(false); // "<\x1fphp"
    expect(containsMarkup(Buffer.from([0x3c, 0x01, 0x64, 0x6f, 0x63, 0x74, 0x79, 0x70, 0x65]))).toBe(false);
    expect(containsMarkup(Buffer.from([0x3c, 0x13, 0x63, 0x72, 0x69, 0x70, 0x74]))).toBe(false); // 0x13 | 0x20 is "3", not "s"
  });
  it('computes the standard CRC-32', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
