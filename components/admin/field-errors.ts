import type { z } from 'zod';

/** Client twin of fieldErrorsOf in app/_server/action.ts (that module is server-only). */
export function fieldErrorsOfClient(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return out;
}
