import { formatDateTime } from '@/lib/time';

/** The sign-in link e-mail. It carries a sign-in token, so it is sent only on the user's own request. */
export function magicLinkEmail(input: { url: string; expires: Date }) {
  const until = formatDateTime(input.expires);
  const text = `您好：\n\n请在 ${until} 前点击以下链接登录备案整改门户（链接仅可使用一次）：\n${input.url}\n\n如果这不是您本人的操作，请忽略此邮件。`;
  const html = `<p>您好：</p><p>请在 ${until} 前点击以下链接登录备案整改门户（链接仅可使用一次）：</p><p><a href="${escapeAttr(input.url)}">登录备案整改门户</a></p><p>如果这不是您本人的操作，请忽略此邮件。</p>`;
  return { subject: '备案整改门户登录链接', text, html };
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
