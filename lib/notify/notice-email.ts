import { FINDING_CATALOGUE, type FindingCode } from '@/lib/remediation';
import { escapeHtml, publicBaseUrl } from './order-emails';

export type NoticeEmailFinding = { id: string; code: FindingCode; deadline: string };

/**
 * The 整改通知 e-mail: one absolute deep link per finding (SPEC 8: each finding has its own page, and the
 * e-mail never carries a sign-in token), with the deadline and what happens after it, from the catalogue.
 */
export function noticeEmail(input: { subjectName: string; findings: NoticeEmailFinding[]; baseUrl?: string }): {
  subject: string;
  text: string;
  html: string;
} {
  const base = publicBaseUrl(input.baseUrl);
  const items = input.findings.map((f) => {
    const entry = FINDING_CATALOGUE[f.code];
    return { notice: entry.notice, deadline: f.deadline, afterPeriod: entry.afterPeriod, url: `${base}/rectifications/${f.id}` };
  });
  const earliest = [...input.findings].map((f) => f.deadline).sort()[0] ?? '';
  const subject = `【备案整改通知】${input.subjectName}：${items.length} 项备案信息不合格，请于 ${earliest} 前完成整改`;
  const intro = `您好：\n\n经备案信息专项核查，您的备案主体“${input.subjectName}”存在以下 ${items.length} 项不合格信息，请在整改期限内完成整改。`;
  const textItems = items
    .map((i, n) => `${n + 1}. ${i.notice}\n   整改期限：${i.deadline}\n   逾期后果：${i.afterPeriod}\n   查看并整改：${i.url}`)
    .join('\n\n');
  const text = `${intro}\n\n${textItems}\n\n打开链接后请使用您的备案账号登录。此邮件由系统自动发送，请勿直接回复。`;
  const htmlItems = items
    .map(
      (i) =>
        `<li><p><strong>${escapeHtml(i.notice)}</strong></p><p>整改期限：${escapeHtml(i.deadline)}</p><p>逾期后果：${escapeHtml(i.afterPeriod)}</p><p><a href="${escapeHtml(i.url)}">查看并整改</a></p></li>`,
    )
    .join('');
  const html = `<p>您好：</p><p>经备案信息专项核查，您的备案主体“${escapeHtml(input.subjectName)}”存在以下 ${items.length} 项不合格信息，请在整改期限内完成整改。</p><ol>${htmlItems}</ol><p style="color:#555">打开链接后请使用您的备案账号登录。此邮件由系统自动发送，请勿直接回复。</p>`;
  return { subject, text, html };
}

