import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every exported function of every 'use server' file under app/ — the portal's public POST endpoints. */
export function discoverActions(root = 'app'): { file: string; name: string; key: string }[] {
  const out: { file: string; name: string; key: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const p = path.join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(entry)) {
        const src = readFileSync(p, 'utf8');
        if (!/^\s*['"]use server['"]/.test(src)) continue;
        for (const m of src.matchAll(/export\s+(?:const|async function|function)\s+(\w+)/g)) out.push({ file: p, name: m[1]!, key: `${p}#${m[1]!}` });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

export function toForm(input: Record<string, unknown>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(input)) {
    if (Array.isArray(v)) for (const x of v) fd.append(k, x as string);
    else if (v !== undefined) fd.append(k, v as string | Blob);
  }
  return fd;
}
