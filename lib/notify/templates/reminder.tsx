import { Text } from '@react-email/components';
import type { OrderTypeValue } from '@/lib/domain/codes';
import { FINDING_CATALOGUE, ORDER_TYPE_LABELS } from '@/lib/remediation';
import { ORDER_STATE_EXPLANATIONS } from '@/lib/orders/state-machine';
import { formatDate } from '@/lib/time';
import { maskPersonalText } from '@/lib/privacy/mask';
import { deadlineText, type NoticeFinding } from './notice';
import { ActionLink, EmailShell, Labelled, styles } from './layout';
import { findingUrl, orderUrl, publicBaseUrl, renderEmail } from './render';

/** The days before a deadline on which the filer is reminded; 0 = the deadline day itself. */
export const REMINDER_DAYS = [7, 3, 1, 0] as const;
export type ReminderDay = (typeof REMINDER_DAYS)[number];

/** A reminder for one finding, 7, 3 or 1 day(s) before its deadline, or on the day it runs out. */
export async function findingReminderEmail(input: {
  subjectName: string;
  finding: NoticeFinding;
  daysBefore: ReminderDay;
  baseUrl?: string;
}) {
  const entry = FINDING_CATALOGUE[input.finding.code];
  const subjectName = maskPersonalText(input.subjectName);
  const url = findingUrl(publicBaseUrl(input.baseUrl), input.finding.id);
  const date = deadlineText(input.finding.deadline);
  const when = input.daysBefore === 0 ? `今天（${date}）是整改期限` : `距整改期限（${date}）还有 ${input.daysBefore} 天`;
  const subject = `【整改提醒】${when}：${entry.notice}`;
  const rendered = await renderEmail(
    subject,
    <EmailShell preview={`${subjectName}：${when}`} heading={when}>
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>{`您的主体“${subjectName}”有一项备案信息尚未完成整改。`}</Text>
      <Labelled label="不合格项">{entry.notice}</Labelled>
      <Labelled label="整改期限">{date}</Labelled>
      <Labelled label="如何整改">{entry.remedy}</Labelled>
      <Text style={styles.warn}>逾期未整改：{entry.afterPeriod}</Text>
      <Text style={styles.text}>如果您已提交整改订单或复核申请，请留意审核进度；无需重复提交。</Text>
      <ActionLink href={url}>查看并办理此项</ActionLink>
    </EmailShell>,
  );
  return { ...rendered, template: `reminder.${input.daysBefore}` as const, data: { findingId: input.finding.id, daysBefore: input.daysBefore, url } };
}

/** 订单即将过期: seven days before a submitted order's 45-day validity runs out. */
export async function orderExpiryEmail(input: {
  order: { id: string; number: string; type: OrderTypeValue };
  expiresAt: Date;
  daysBefore: number;
  baseUrl?: string;
}) {
  const url = orderUrl(publicBaseUrl(input.baseUrl), input.order.id);
  const title = `${ORDER_TYPE_LABELS[input.order.type]}订单 ${input.order.number}`;
  const until = formatDate(input.expiresAt);
  const subject = `【订单即将过期】${title} 将于 ${until} 过期`;
  const rendered = await renderEmail(
    subject,
    <EmailShell preview={`${title} 还有 ${input.daysBefore} 天过期`} heading="订单即将过期">
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>{`您的${title}还有 ${input.daysBefore} 天过期，请尽快完成办理。`}</Text>
      <Labelled label="过期日期">{until}</Labelled>
      <Text style={styles.warn}>过期后：{ORDER_STATE_EXPLANATIONS.EXPIRED}</Text>
      <ActionLink href={url}>查看订单</ActionLink>
    </EmailShell>,
  );
  return { ...rendered, template: 'order.expiring' as const, data: { orderId: input.order.id, url } };
}
