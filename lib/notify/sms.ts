import { config } from '@/lib/config';

/**
 * SMS leaves through the outbox like e-mail; what actually sends it is pluggable. `SMS_SENDER` names the
 * sender (default `dev`: the message stays readable in the portal's development SMS inbox). A real
 * gateway registers itself with `registerSmsSender` at start-up and is chosen by name.
 */
export type SmsSender = { name: string; send: (to: string, text: string) => Promise<void> };

export const devSmsSender: SmsSender = { name: 'dev', send: async () => {} };

const senders = new Map<string, SmsSender>([[devSmsSender.name, devSmsSender]]);

export function registerSmsSender(sender: SmsSender): void {
  senders.set(sender.name, sender);
}

export function smsSenderFromEnv(env: { SMS_SENDER?: string } = config()): SmsSender {
  const name = env.SMS_SENDER?.trim() || 'dev';
  const sender = senders.get(name);
  if (!sender) throw new Error(`未知的短信发送方式 SMS_SENDER=${name} / unknown SMS_SENDER "${name}" (known: ${[...senders.keys()].join(', ')})`);
  return sender;
}
