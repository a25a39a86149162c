// Builders for numbers with correct check characters, used by the demo and benchmark seeders.
// (lib/validation/ids.ts validates; these only complete a 17-character body.)

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: body of 17 characters → full 统一社会信用代码. */
export function completeUscc(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body17[i]!) * USCC_WEIGHTS[i]!;
  const c = (31 - (sum % 31)) % 31;
  return body17 + USCC_CHARS[c];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999: region (6) + birth yyyymmdd (8) + sequence (3) → full 居民身份证号码. */
export function completeResidentId(region: string, birth: string, seq: string): string {
  const body = `${region}${birth}${seq}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + ID_CHECK[sum % 11];
}
