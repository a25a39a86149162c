import { Text } from '@react-email/components';
import type { FindingCodeValue, Role } from '@/lib/domain/codes';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/time';
import { maskPersonalText } from '@/lib/privacy/mask';
import { ActionLink, EmailShell, Labelled, styles } from './layout';
import { findingUrl, publicBaseUrl, renderEmail } from './render';

// The staff decisions on a filer's request (复核, 延期) and the account mails (开通, 登录链接), in the layout
// every portal e-mail shares.

/** 复核结果: resolved, or back to work with the reviewer's reason. */
export async function recheckResultEmail(input: { finding: { id: string; code: FindingCodeValue }; decision: 'accept' | 'return'; reason: string | null; baseUrl?: string }) {
  const notice = FINDING_CATALOGUE[input.finding.code].notice;
  const url = findingUrl(publicBaseUrl(input.baseUrl), input.finding.id);
  const accepted = input.decision === 'accept';
  const heading = accepted ? '复核通过' : '复核未通过';
  const reason = maskPersonalText(input.reason);
  const rendered = await renderEmail(
    `【备案整改】复核结果：${notice}`,
    <EmailShell preview={`${heading}：${notice}`} heading={heading}>
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>{`您就“${notice}”提交的复核申请已处理。`}</Text>
      <Text style={styles.text}>{accepted ? '该整改事项已完成，无需再做处理。' : '请按以下原因继续整改，完成后再次申请复核。'}</Text>
      {reason ? <Labelled label={accepted ? '审核说明' : '退回原因'}>{reason}</Labelled> : null}
      <ActionLink href={url}>查看整改事项</ActionLink>
    </EmailShell>,
  );
  return { ...rendered, template: (accepted ? 'recheck.accept' : 'recheck.return') as 'recheck.accept' | 'recheck.return', url };
}

/** 延期申请结果: the new deadline, or the refusal with its reason and the deadline that still stands. */
export async function extensionResultEmail(
  input: { finding: { id: string; code: FindingCodeValue }; baseUrl?: string } & (
    | { decision: 'grant'; newDeadline: string }
    | { decision: 'refuse'; reason: string; deadline: string }
  ),
) {
  const notice = FINDING_CATALOGUE[input.finding.code].notice;
  const url = findingUrl(publicBaseUrl(input.baseUrl), input.finding.id);
  const granted = input.decision === 'grant';
  const heading = granted ? '延期申请已通过' : '延期申请未通过';
  const rendered = await renderEmail(
    `【备案整改】${heading}：${notice}`,
    <EmailShell preview={`${heading}：${notice}`} heading={heading}>
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>{`您对“${notice}”提交的整改延期申请已处理。`}</Text>
      {input.decision === 'grant' ? (
        <Labelled label="新的整改期限">{input.newDeadline}</Labelled>
      ) : (
        <>
          <Labelled label="未通过原因">{maskPersonalText(input.reason)}</Labelled>
          <Labelled label="整改期限">{input.deadline}</Labelled>
          <Text style={styles.warn}>整改期限不变，请尽快完成整改。</Text>
        </>
      )}
      <ActionLink href={url}>查看整改事项</ActionLink>
    </EmailShell>,
  );
  return { ...rendered, template: (granted ? 'extension.granted' : 'extension.refused') as 'extension.granted' | 'extension.refused', url };
}

/** 账号开通: an operator created the account; the filer signs in with an e-mail link. */
export async function inviteEmail(input: { name: string; email: string; role: Role; baseUrl?: string }) {
  const url = `${publicBaseUrl(input.baseUrl)}/login`;
  const rendered = await renderEmail(
    '【备案整改门户】账号开通邀请',
    <EmailShell preview="您的备案整改门户账号已开通" heading="账号已开通" footer="此邮件由系统自动发送，请勿直接回复。如果您并未申请此账号，请忽略此邮件。">
      <Text style={styles.text}>{`${maskPersonalText(input.name)}，您好：`}</Text>
      <Text style={styles.text}>{`运营管理员已为您开通备案整改门户账号，角色为${ROLE_LABELS[input.role]}。`}</Text>
      <Text style={styles.text}>{`打开下方链接，在“邮箱链接登录”中填写本邮箱 ${input.email}，我们会发送一次性登录链接。`}</Text>
      <ActionLink href={url}>前往登录</ActionLink>
    </EmailShell>,
  );
  return { ...rendered, template: 'user.invite' as const };
}

/** The sign-in link. It carries a sign-in token, so it is sent only on the user's own request. */
export async function magicLinkEmail(input: { url: string; expires: Date }) {
  const until = formatDateTime(input.expires);
  return renderEmail(
    '备案整改门户登录链接',
    <EmailShell preview="您的一次性登录链接" heading="登录备案整改门户" footer="此邮件由系统自动发送，请勿直接回复。链接仅可使用一次，请勿转发；如果这不是您本人的操作，请忽略此邮件。">
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>{`请在 ${until} 前点击下方链接登录备案整改门户，链接仅可使用一次。`}</Text>
      <ActionLink href={input.url}>登录备案整改门户</ActionLink>
    </EmailShell>,
  );
}

/** A pending 复核 or 延期 request that ended with its finding (整改完成, 取消接入): nobody will decide it now. */
export async function requestClosedEmail(input: { finding: { id: string; code: FindingCodeValue }; what: '复核申请' | '延期申请'; reason: string; baseUrl?: string }) {
  const notice = FINDING_CATALOGUE[input.finding.code].notice;
  const url = findingUrl(publicBaseUrl(input.baseUrl), input.finding.id);
  const heading = `${input.what}已结束`;
  const rendered = await renderEmail(
    `【备案整改】${heading}：${notice}`,
    <EmailShell preview={`${heading}：${notice}`} heading={heading}>
      <Text style={styles.text}>您好：</Text>
      <Text style={styles.text}>{`您就“${notice}”提交的${input.what}已结束，无需再等待审核。`}</Text>
      <Labelled label="原因">{maskPersonalText(input.reason) ?? ''}</Labelled>
      <ActionLink href={url}>查看整改事项</ActionLink>
    </EmailShell>,
  );
  return { ...rendered, template: (input.what === '复核申请' ? 'recheck.closed' : 'extension.closed') as 'recheck.closed' | 'extension.closed', url };
}
