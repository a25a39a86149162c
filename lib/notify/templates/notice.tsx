import { Section, Text } from '@react-email/components';
import type { FindingCodeValue } from '@/lib/domain/codes';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { formatDate } from '@/lib/time';
import { maskPersonalText } from '@/lib/privacy/mask';
import { ActionLink, EmailShell, Labelled, styles } from './layout';
import { findingUrl, publicBaseUrl, renderEmail } from './render';

export type NoticeFinding = { id: string; code: FindingCodeValue; deadline: string | Date };

export type NoticeEmail = { subject: string; html: string; text: string; template: 'notice'; data: Record<string, unknown> };

/**
 * 整改通知: one e-mail per notice, every finding with its own deep link to its rectification page, the
 * notice and remedy as the catalogue words them, the deadline and what happens after it. The links carry
 * no sign-in token: the filer signs in and lands on the finding.
 */
export async function noticeEmail(input: { subjectName: string; findings: NoticeFinding[]; baseUrl?: string }): Promise<NoticeEmail> {
  const base = publicBaseUrl(input.baseUrl);
  const subjectName = maskPersonalText(input.subjectName); // e-mails carry no whole 身份证号 or mobile
  const items = input.findings.map((f) => ({ ...f, url: findingUrl(base, f.id), entry: FINDING_CATALOGUE[f.code], date: deadlineText(f.deadline) }));
  const earliest = items.map((i) => i.date).sort()[0] ?? '';
  const subject = `【备案整改通知】${subjectName}：${items.length} 项备案信息需在 ${earliest} 前整改`;
  const rendered = await renderEmail(
    subject,
    <EmailShell preview={`${items.length} 项备案信息需整改，最早期限 ${earliest}`} heading="备案信息整改通知">
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>
        {`在备案信息专项核查中，您的主体“${subjectName}”有 ${items.length} 项备案信息不合格。`}
        请在各项的整改期限前按指引完成整改，每一项都可以点击下方链接单独办理。
      </Text>
      {items.map((item, i) => (
        <Section key={item.id} style={styles.card}>
          <Text style={styles.h2}>
            {i + 1}. {item.entry.notice}
          </Text>
          <Labelled label="整改期限">{item.date}</Labelled>
          <Labelled label="如何整改">{item.entry.remedy}</Labelled>
          <Text style={styles.warn}>逾期未整改：{item.entry.afterPeriod}</Text>
          <ActionLink href={item.url}>查看并办理第 {i + 1} 项</ActionLink>
        </Section>
      ))}
    </EmailShell>,
  );
  return { ...rendered, template: 'notice', data: { findingIds: items.map((i) => i.id), urls: items.map((i) => i.url) } };
}

export function deadlineText(d: string | Date): string {
  return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : formatDate(d);
}
