import { Section, Text } from '@react-email/components';
import { REJECTION_REASONS } from '@/lib/remediation/rejection-reasons';
import type { RejectionEntry } from '@/lib/orders/payload';
import { ActionLink, EmailShell, Labelled, styles } from './layout';

export type OrderEventView = {
  title: string;
  explanation: string;
  reason: string | null;
  rejection: RejectionEntry[];
  rejectionNote: string | null;
  url: string;
};

/** A decision on the filer's order: what happened, what it means, and for 驳回 every reason with its fix. */
export function OrderEventBody({ view }: { view: OrderEventView }) {
  const reasons = view.rejection.map((r) => ({ entry: REJECTION_REASONS.find((x) => x.code === r.code), note: r.note ?? null, code: r.code }));
  return (
    <EmailShell preview={view.title} heading={view.title}>
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>{view.explanation}</Text>
      {reasons.length > 0 ? (
        <Section>
          <Text style={styles.h2}>驳回原因</Text>
          {reasons.map((r, i) => (
            <Section key={`${r.code}-${i}`} style={styles.card}>
              <Text style={styles.text}>
                <span style={styles.label}>{`${i + 1}. `}</span>
                {r.entry?.reason ?? r.code}
              </Text>
              {r.entry ? <Labelled label="修改方法">{r.entry.fix}</Labelled> : null}
              {r.note ? <Labelled label="审核说明">{r.note}</Labelled> : null}
            </Section>
          ))}
        </Section>
      ) : null}
      {view.rejectionNote ? <Labelled label="审核意见">{view.rejectionNote}</Labelled> : null}
      {view.reason && view.reason !== view.rejectionNote ? <Labelled label="原因">{view.reason}</Labelled> : null}
      <ActionLink href={view.url}>查看订单</ActionLink>
    </EmailShell>
  );
}
