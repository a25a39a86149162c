import { Link, Section, Text } from '@react-email/components';
import type { FindingCodeValue } from '@/lib/domain/codes';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { formatDate } from '@/lib/time';
import { maskPersonalText } from '@/lib/privacy/mask';
import { ActionLink, EmailShell, Labelled, styles } from './layout';
import { findingUrl, publicBaseUrl, renderEmail } from './render';

export type NoticeFinding = {
  id: string;
  code: FindingCodeValue;
  deadline: string | Date;
  /** The website the finding concerns (null for a subject-level finding). */
  website?: { name: string; icpNumber: string } | null;
  /** The domain it concerns: the finding's own, or the one the check found it on. */
  domain?: string | null;
  /** What the check found, as recorded on the finding. */
  observed?: string | null;
};

export type NoticeEmail = { subject: string; html: string; text: string; template: 'notice'; data: Record<string, unknown> };

/** Items listed in one notice e-mail; the rest are on the filer's 整改通知 page (keeps every mail < 100 KB). */
export const NOTICE_EMAIL_ITEMS = 30;

type Item = NoticeFinding & { url: string; entry: (typeof FINDING_CATALOGUE)[FindingCodeValue]; date: string; n: number };

/**
 * 整改通知: one e-mail per notice. Items are grouped by website (subject-level items first), each with its
 * domain, what the check found, the deadline, how to fix it and its own link to its rectification page.
 * At most NOTICE_EMAIL_ITEMS are listed, the earliest deadlines first; a link leads to the others. The links
 * carry no sign-in token: the filer signs in and lands on the finding.
 */
export async function noticeEmail(input: { subjectName: string; findings: NoticeFinding[]; baseUrl?: string }): Promise<NoticeEmail> {
  const base = publicBaseUrl(input.baseUrl);
  const subjectName = maskPersonalText(input.subjectName); // e-mails carry no whole 身份证号 or mobile
  const all = input.findings.map((f) => ({ ...f, url: findingUrl(base, f.id), entry: FINDING_CATALOGUE[f.code], date: deadlineText(f.deadline) }));
  const earliest = all.map((i) => i.date).sort()[0] ?? '';
  const shown = [...all].sort((a, b) => a.date.localeCompare(b.date)).slice(0, NOTICE_EMAIL_ITEMS);
  const groups = groupByWebsite(shown);
  const rest = all.length - shown.length;
  const subject = `【备案整改通知】${subjectName}：${all.length} 项备案信息需在 ${earliest} 前整改`;
  const rendered = await renderEmail(
    subject,
    <EmailShell preview={`${all.length} 项备案信息需整改，最早期限 ${earliest}`} heading="备案信息整改通知">
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>
        {`在备案信息专项核查中，您的主体“${subjectName}”有 ${all.length} 项备案信息不合格。`}
        请在各项的整改期限前按指引完成整改，每一项都可以点击其链接单独办理。
      </Text>
      {rest > 0 ? <Text style={styles.warn}>{`本邮件列出期限最早的 ${shown.length} 项，其余 ${rest} 项请在门户的整改通知页查看。`}</Text> : null}
      {groups.map((g) => (
        <Section key={g.key}>
          <Text style={styles.h2}>{g.title}</Text>
          {g.items.map((item) => (
            <Section key={item.id} style={styles.card}>
              <Text style={styles.text}>
                <span style={styles.label}>{`${item.n}. ${item.entry.notice}`}</span>
              </Text>
              {item.domain ? <Labelled label="域名">{item.domain}</Labelled> : null}
              {item.observed ? <Labelled label="核查发现">{maskPersonalText(item.observed)}</Labelled> : null}
              <Labelled label="整改期限">{item.date}</Labelled>
              <Labelled label="如何整改">{item.entry.remedy}</Labelled>
              <Text style={styles.warn}>逾期未整改：{item.entry.afterPeriod}</Text>
              <Text style={styles.text}>
                <Link href={item.url}>{`查看并办理第 ${item.n} 项`}</Link>
              </Text>
            </Section>
          ))}
        </Section>
      ))}
      <ActionLink href={`${base}/notices`}>{rest > 0 ? `查看全部 ${all.length} 项` : '查看我的整改通知'}</ActionLink>
    </EmailShell>,
  );
  return { ...rendered, template: 'notice', data: { findingIds: all.map((i) => i.id), urls: shown.map((i) => i.url) } };
}

function groupByWebsite(items: Omit<Item, 'n'>[]): { key: string; title: string; items: Item[] }[] {
  const groups = new Map<string, { key: string; title: string; items: Item[] }>();
  for (const item of items) {
    const key = item.website ? `w:${item.website.icpNumber}` : 'subject';
    const title = item.website ? `网站“${maskPersonalText(item.website.name)}”（${item.website.icpNumber}）` : '主体信息';
    if (!groups.has(key)) groups.set(key, { key, title, items: [] });
    groups.get(key)!.items.push(item as Item);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.key === 'subject' ? -1 : b.key === 'subject' ? 1 : 0));
  let n = 0;
  for (const g of ordered) for (const item of g.items) item.n = ++n;
  return ordered;
}

export function deadlineText(d: string | Date): string {
  return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : formatDate(d);
}
