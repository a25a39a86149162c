import { Link, Section, Text } from '@react-email/components';
import type { RejectedField } from '@/lib/orders/rejection-fields';
import { ActionLink, EmailShell, Labelled, styles } from './layout';

export type OrderEventView = {
  title: string;
  explanation: string;
  reason: string | null;
  /** Each rejected field with its reason, fix and an absolute link into the wizard at that field. */
  rejection: RejectedField[];
  rejectionNote: string | null;
  url: string;
};

/**
 * A decision on the filer's order: what happened, what it means, and for 驳回 each rejected field by name
 * with its reason, how to fix it and a link to the wizard step that holds it.
 */
export function OrderEventBody({ view }: { view: OrderEventView }) {
  return (
    <EmailShell preview={view.title} heading={view.title}>
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>{view.explanation}</Text>
      {view.rejection.length > 0 ? (
        <Section>
          <Text style={styles.h2}>需要修改的内容</Text>
          {view.rejection.map((r, i) => (
            <Section key={`${r.code}-${i}`} style={styles.card}>
              <Text style={styles.text}>
                <span style={styles.label}>{`${i + 1}. ${r.fieldLabel ?? '订单信息'}`}</span>
              </Text>
              <Labelled label="驳回原因">{r.reason}</Labelled>
              {r.fix ? <Labelled label="修改方法">{r.fix}</Labelled> : null}
              {r.note ? <Labelled label="审核说明">{r.note}</Labelled> : null}
              <Text style={styles.text}>
                <Link href={r.href}>{r.step ? `去修改（第 ${r.step.number} 步：${r.step.title}）` : '去修改'}</Link>
              </Text>
            </Section>
          ))}
        </Section>
      ) : null}
      {view.rejectionNote ? <Labelled label="审核意见">{view.rejectionNote}</Labelled> : null}
      {view.reason && view.rejection.length === 0 && view.reason !== view.rejectionNote ? <Labelled label="原因">{view.reason}</Labelled> : null}
      <ActionLink href={view.url}>查看订单</ActionLink>
    </EmailShell>
  );
}
