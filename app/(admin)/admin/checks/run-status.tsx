import { Badge, type Tone } from '@/components/ui/status-badge';

const STATUS: Record<string, [Tone, string]> = {
  running: ['blue', '运行中'],
  done: ['green', '已完成'],
  cancelled: ['slate', '已取消'],
  failed: ['red', '失败'],
};

export function RunStatusBadge({ status }: { status: string }) {
  const [tone, label] = STATUS[status] ?? ['slate', status];
  return <Badge tone={tone}>{label}</Badge>;
}
