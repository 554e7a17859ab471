import { z } from 'zod';

/**
 * Zod schemas for every channel's request payload: main validates what the
 * renderer sends before any handler sees it. Keys match `Contract`.
 */
export const requestSchemas = {
  'app:get-info': z.void(),
  'shell:open-external': z.object({ url: z.string().min(1).max(2048) }).strict(),
  'log:write': z
    .object({
      level: z.enum(['info', 'warn', 'error']),
      message: z.string().max(4000),
      detail: z.string().max(20000).optional(),
    })
    .strict(),
  'window:ready-to-close': z.void(),
} as const;

export type RequestOf<K extends keyof typeof requestSchemas> = z.infer<(typeof requestSchemas)[K]>;
