/**
 * The one place that reads `process.env`. Each handler declares a zod schema for its configuration
 * and calls {@link readConfig} once, at module load (cold start), so a missing or malformed variable
 * fails the init phase loudly instead of half-way through a batch.
 */
import * as z from 'zod';

/** A function's environment did not match its schema; `issues` names every bad key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly issues: string[],
    options?: { cause?: unknown },
  ) {
    super(`invalid function configuration: ${issues.join('; ')}`, options);
  }
}

/** Parses `env` (the process environment by default) with `schema`; throws {@link ConfigError}. */
export function readConfig<S extends z.ZodType>(schema: S, env: Readonly<Record<string, string | undefined>> = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(issues, { cause: parsed.error });
  }
  return parsed.data;
}
