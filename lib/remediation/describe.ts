import { ACTION_LABELS } from './actions-text';
import { ORDER_TYPE_EXPLANATIONS, ORDER_TYPE_LABELS } from './orders-text';
import type { Step } from './types';

/** Label and explanation of a plan step, as the filer UI shows it. */
export function describeStep(step: Step): { label: string; explanation: string } {
  switch (step.kind) {
    case 'order':
      return { label: ORDER_TYPE_LABELS[step.order], explanation: ORDER_TYPE_EXPLANATIONS[step.order].explanation };
    case 'action': {
      const text = ACTION_LABELS[step.action];
      return { label: text.label, explanation: text.explanation };
    }
    case 'recheck':
      return {
        label: '申请复核',
        explanation: '在门户中对该不合格项申请复核，必要时上传证明材料（如新的域名证书、网页截图），审核专员核实后关闭该项。',
      };
    case 'abandon_open_order':
      return {
        label: '放弃进行中的订单',
        explanation: '取消接入时仍在进行的变更订单须先放弃，才能提交新的备案申请。',
      };
  }
}
