// Websites are listed in the order of their 网站备案号: the subject's number, then the site serial after the
// dash as a number. Text order would put -10 and -11 between -1 and -2.

const SITE_SERIAL = /^(.*?)-(\d+)$/;

function parts(icpNumber: string | null | undefined): [string, number] {
  const s = (icpNumber ?? '').trim();
  const m = SITE_SERIAL.exec(s);
  // A number without a serial (a 主体备案号, or one not yet issued) sorts before its sites.
  return m ? [m[1]!, Number(m[2])] : [s, -1];
}

/** Compares two 备案号 (网站备案号 by subject number, then by site serial as a number). */
export function compareIcpNumbers(a: string | null | undefined, b: string | null | undefined): number {
  const [baseA, serialA] = parts(a);
  const [baseB, serialB] = parts(b);
  if (baseA !== baseB) return baseA < baseB ? -1 : 1;
  return serialA - serialB;
}

/** A copy of `items` in 备案号 order (stable for equal numbers). */
export function byIcpNumber<T extends { icpNumber: string | null }>(items: readonly T[]): T[] {
  return [...items].sort((x, y) => compareIcpNumbers(x.icpNumber, y.icpNumber));
}
