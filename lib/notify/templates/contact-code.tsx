import { Text } from '@react-email/components';
import { CODE_TTL_MS } from '@/lib/contacts/verification';
import { EmailShell, Labelled, styles } from './layout';
import { renderEmail } from './render';

const FOOTER = '此邮件由系统自动发送，请勿直接回复。验证码仅用于本次确认，请勿告诉他人；如果这不是您本人的操作，请忽略此邮件。';

/**
 * The code that confirms a 负责人's new e-mail address from the order wizard. The code is in the subject too,
 * so it can be read from the inbox list; the mail carries no link (it is typed back into the wizard).
 */
export async function contactCodeEmail(input: { orderNumber: string; label: string; code: string }) {
  const minutes = CODE_TTL_MS / 60_000;
  const rendered = await renderEmail(
    `【备案整改门户】验证码 ${input.code}：确认${input.label}`,
    <EmailShell preview={`验证码 ${input.code}，${minutes} 分钟内有效`} heading={`确认${input.label}`} footer={FOOTER}>
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>{`备案订单 ${input.orderNumber} 将本邮箱填写为${input.label}。请在订单的“核对并提交”页填写下面的验证码，确认本邮箱能正常收到邮件。`}</Text>
      <Labelled label="验证码">
        <span style={{ fontSize: '20px', fontWeight: 700, letterSpacing: '4px' }}>{input.code}</span>
      </Labelled>
      <Text style={styles.text}>{`验证码 ${minutes} 分钟内有效。`}</Text>
    </EmailShell>,
  );
  return { ...rendered, template: 'contact_code.email' as const };
}
