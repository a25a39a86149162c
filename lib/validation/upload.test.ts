import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, MIN_UPLOAD_BYTES, checkUpload, sniffImage } from './upload';

const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const GIF87 = [...'GIF87a'].map((c) => c.charCodeAt(0));
const GIF89 = [...'GIF89a'].map((c) => c.charCodeAt(0));
const PDF = [...'%PDF-1.7'].map((c) => c.charCodeAt(0));

function file(magic: number[], size = 300 * 1024): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(magic);
  return bytes;
}

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

describe('checkUpload', () => {
  it('accepts images of the right type and size, whatever the extension case', () => {
    expect(checkUpload(file(JPEG), '身份证.jpg')).toBeNull();
    expect(checkUpload(file(JPEG), 'ID.JPEG')).toBeNull();
    expect(checkUpload(file(PNG, MIN_UPLOAD_BYTES), 'a.png')).toBeNull();
    expect(checkUpload(file(GIF89, MAX_UPLOAD_BYTES), 'a.gif')).toBeNull();
  });
  it('rejects content that is not an accepted image', () => {
    expect(checkUpload(file(PDF), 'scan.jpg')).toBe('仅支持 JPG、JPEG、PNG、GIF 格式的图片');
    expect(checkUpload(file(JPEG), 'scan.pdf')).toBe('仅支持 JPG、JPEG、PNG、GIF 格式的图片');
    expect(checkUpload(file(JPEG), 'no-extension')).toBe('仅支持 JPG、JPEG、PNG、GIF 格式的图片');
  });
  it('rejects a renamed file: content decides, not the name', () => {
    expect(checkUpload(file(PNG), 'photo.jpg')).toContain('扩展名不符');
  });
  it('rejects files under 200 KB or over 4 MB', () => {
    expect(checkUpload(file(JPEG, MIN_UPLOAD_BYTES - 1), 'a.jpg')).toContain('200 KB 到 4 MB');
    expect(checkUpload(file(JPEG, MAX_UPLOAD_BYTES + 1), 'a.jpg')).toContain('200 KB 到 4 MB');
  });
});
