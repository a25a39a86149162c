// Uploaded images: JPG/JPEG/PNG/GIF, 200 KB – 4 MB, type decided by the bytes, not the file name
// (001 4.5 上传资料有什么要求?: "请勿直接更改格式后缀").

export type ImageType = 'jpeg' | 'png' | 'gif';

export const MIN_UPLOAD_BYTES = 200 * 1024;
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** The image type by magic bytes, or null when the content is none of the accepted types. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61])) {
    return 'gif'; // GIF87a / GIF89a
  }
  return null;
}

const EXTENSIONS: Readonly<Record<string, ImageType>> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif' };

/** A zh-CN error for the filer, or null when the upload is acceptable. */
export function checkUpload(bytes: Uint8Array, declaredName: string): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(declaredName.trim())?.[1]?.toLowerCase() ?? '';
  const declared = EXTENSIONS[ext];
  const actual = sniffImage(bytes);
  if (!declared || !actual) return '仅支持 JPG、JPEG、PNG、GIF 格式的图片';
  if (declared !== actual) {
    return '图片内容与文件扩展名不符，请勿直接修改文件后缀，可用图片工具另存为 JPG、PNG 或 GIF 格式';
  }
  if (bytes.length < MIN_UPLOAD_BYTES || bytes.length > MAX_UPLOAD_BYTES) {
    return '图片大小须在 200 KB 到 4 MB 之间，请调整图片大小后重新上传';
  }
  return null;
}
