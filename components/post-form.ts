import { BODY_TOO_LARGE_MESSAGE, type UploadReply } from '@/lib/http/body-limits';

/** A refusal that is not the handler's own JSON (the proxy's 413, a server error), as a Chinese message. */
function refusal(status: number): { ok: false; message: string; fieldErrors?: Record<string, string[]> } {
  if (status === 413) return { ok: false, message: BODY_TOO_LARGE_MESSAGE, fieldErrors: { file: [BODY_TOO_LARGE_MESSAGE] } };
  return { ok: false, message: '系统繁忙，上传未完成，请稍后重试。' };
}

const DISCONNECTED = { ok: false, message: '网络连接中断，上传未完成，请检查网络后重试。' } as const;

/**
 * Posts a form to an upload route handler and returns its answer. A refusal that is not the handler's own
 * JSON (the proxy's 413, a dropped connection) still comes back as a Chinese message for the field.
 */
export async function postForm<T>(url: string, body: FormData): Promise<UploadReply<T>> {
  try {
    const res = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json' } });
    if ((res.headers.get('content-type') ?? '').includes('application/json')) return (await res.json()) as UploadReply<T>;
    return refusal(res.status);
  } catch {
    return DISCONNECTED;
  }
}

/**
 * postForm with upload progress (fetch cannot report it): `onProgress` receives the fraction sent, 0–1.
 * Same answers as postForm for a refusal that is not the handler's own JSON.
 */
export function postFormWithProgress<T>(url: string, body: FormData, onProgress: (fraction: number) => void): Promise<UploadReply<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if ((xhr.getResponseHeader('content-type') ?? '').includes('application/json')) {
        try {
          return resolve(JSON.parse(xhr.responseText) as UploadReply<T>);
        } catch {
          // fall through to the generic answer
        }
      }
      resolve(refusal(xhr.status));
    };
    xhr.onerror = () => resolve(DISCONNECTED);
    xhr.send(body);
  });
}
