import 'server-only';
import sharp from 'sharp';
import { PublicError } from '@/lib/errors';
import { MAX_GIF_TOTAL_PIXELS, MAX_IMAGE_PIXELS, UPLOAD_MESSAGES, type ImageType } from '@/lib/validation/upload';

// Every accepted upload is decoded and written anew (libvips through sharp), and only the new file is kept.
// A decoder keeps pixels and nothing else: EXIF (GPS position of a phone photo of an ID card), XMP, ICC,
// comments, PNG text chunks (tEXt/zTXt/iTXt, compressed or not), GIF application extensions, and bytes hidden
// in the compressed pixel stream are gone, whatever the structural walk (lib/validation/upload.ts, the
// first gate) could or could not see. GIF stays GIF (animation kept): the file name and the type served
// match what the filer uploaded.

// libvips' own cache and thread pool are sized for batch work; a web process needs neither.
sharp.cache(false);
sharp.concurrency(1);

export async function reencodeImage(bytes: Uint8Array, type: ImageType): Promise<Buffer> {
  // Same limits as the header check: an image that lied about its size in a header is still refused here.
  const input = sharp(bytes, { limitInputPixels: type === 'gif' ? MAX_GIF_TOTAL_PIXELS : MAX_IMAGE_PIXELS, animated: type === 'gif', failOn: 'error' });
  try {
    if (type === 'jpeg') return await input.rotate().jpeg({ quality: 90 }).toBuffer(); // upright by its EXIF orientation, then EXIF is dropped
    if (type === 'png') return await input.png().toBuffer();
    return await input.gif().toBuffer();
  } catch (err) {
    const message = /pixel limit/i.test((err as Error)?.message ?? '') ? UPLOAD_MESSAGES.dimensions : UPLOAD_MESSAGES.corrupt;
    throw new PublicError(message, { file: [message] });
  }
}
