// Every write to an order bumps its version; the wizard carries the version it loaded. A save or submit with an
// older one comes from a stale tab (another tab saved since) and is refused: nothing is overwritten.

export const STALE_ORDER_MESSAGE =
  '此订单已在其他窗口或标签页中修改，为避免覆盖那里的修改，本次操作未生效。请重新加载页面，查看最新内容后再继续。';
