import { formatDateTime } from '@/lib/time';
import { PHONE_TARGET_LABELS, nextPhoneStep, type PhoneAttempt } from '@/lib/orders/phone-check';
import { PhoneAttemptForm } from './phone-panel';

/** The 初审 phone procedure (001 2.2): the calls made so far and the one due now. */
export function PhoneProcedure({ orderId, attempts }: { orderId: string; attempts: PhoneAttempt[] }) {
  const next = nextPhoneStep(attempts, new Date());
  return (
    <section aria-labelledby="phone-h" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="phone-h" className="mb-2 text-lg font-semibold">电话核验</h2>
      <p className="text-slate-700">拨打负责人联系方式1；未接通的，1 小时后再拨；仍未接通，拨打应急联系电话；应急联系电话也无人接听，才以“初审电话无法接通”驳回。</p>
      {attempts.length > 0 ? (
        <ol className="mt-2 list-decimal space-y-1 pl-5">
          {attempts.map((a, i) => (
            <li key={i}>{formatDateTime(a.at)} 拨打{PHONE_TARGET_LABELS[a.target]}：{a.reached ? '接通' : '未接通'}</li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-slate-600">尚未记录拨打。</p>
      )}
      <p className="mt-2 font-medium">
        {next.kind === 'reached' ? '已与负责人取得联系，请按核对清单核实信息。' : null}
        {next.kind === 'call' ? `下一步：拨打${PHONE_TARGET_LABELS[next.target]}。` : null}
        {next.kind === 'wait' ? `下一步：${formatDateTime(next.until)} 后再次拨打联系方式1。` : null}
        {next.kind === 'reject' ? '规程已完成且均未接通：可以“初审电话无法接通”驳回。' : null}
      </p>
      {next.kind === 'call' ? <PhoneAttemptForm orderId={orderId} target={next.target} targetLabel={PHONE_TARGET_LABELS[next.target]} /> : null}
    </section>
  );
}
