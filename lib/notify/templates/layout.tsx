import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

// Inline styles only (mail clients drop <style> blocks), no remote images, system fonts with CJK fallbacks.
const font = '-apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
export const styles = {
  body: { backgroundColor: '#f1f5f9', margin: 0, padding: '24px 0', fontFamily: font },
  container: { backgroundColor: '#ffffff', border: '1px solid #e2e8f0', borderRadius: '8px', maxWidth: '600px', padding: '24px' },
  brand: { color: '#1d4ed8', fontSize: '13px', fontWeight: 600, margin: '0 0 8px' },
  h1: { color: '#0f172a', fontSize: '20px', lineHeight: '28px', margin: '0 0 16px' },
  h2: { color: '#0f172a', fontSize: '16px', lineHeight: '24px', margin: '0 0 8px' },
  text: { color: '#334155', fontSize: '14px', lineHeight: '22px', margin: '0 0 12px' },
  label: { color: '#0f172a', fontWeight: 600 },
  card: { border: '1px solid #e2e8f0', borderRadius: '6px', padding: '16px', margin: '0 0 16px' },
  warn: { backgroundColor: '#fffbeb', border: '1px solid #fcd34d', borderRadius: '6px', color: '#78350f', fontSize: '14px', lineHeight: '22px', padding: '12px', margin: '0 0 12px' },
  button: { backgroundColor: '#1d4ed8', borderRadius: '4px', color: '#ffffff', display: 'inline-block', fontSize: '14px', fontWeight: 600, padding: '8px 16px', textDecoration: 'none' },
  url: { color: '#64748b', fontSize: '12px', lineHeight: '18px', margin: '8px 0 0', wordBreak: 'break-all' as const },
  hr: { borderColor: '#e2e8f0', margin: '24px 0 16px' },
  footer: { color: '#64748b', fontSize: '12px', lineHeight: '18px', margin: 0 },
};

/** The frame every portal e-mail shares: brand line, one h1, the body, the "do not reply" footer. */
const LINK_FOOTER = '此邮件由系统自动发送，请勿直接回复。邮件中的链接不含登录凭证，打开后请使用您的账号登录。';

export function EmailShell({ preview, heading, children, footer = LINK_FOOTER }: { preview: string; heading: string; children: ReactNode; footer?: string }) {
  return (
    <Html lang="zh-CN" dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>备案整改门户</Text>
          <Heading as="h1" style={styles.h1}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A call-to-action link with the full address under it, so it can be copied when a client strips links. */
export function ActionLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '12px 0 0' }}>
      <Link href={href} style={styles.button}>
        {children}
      </Link>
      <Text style={styles.url} data-skip-in-text="true">
        {href}
      </Text>
    </Section>
  );
}

export function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text style={styles.text}>
      <span style={styles.label}>{label}：</span>
      {children}
    </Text>
  );
}
