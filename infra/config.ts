/**
 * The deployment's settings, read from CDK context (`-c key=value` or cdk.json) with `NETMIX_*`
 * environment variables as fallback, and validated at synth: a missing or malformed key stops
 * `cdk synth` with a list of what is wrong, long before anything reaches AWS.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod';
import { EmailSchema } from '../shared/model/subscriber';
import { TimeZoneSchema } from '../shared/model/common';
import type { SourcesFile } from '../shared/model/source';
import { parseSourcesFile, SourcesFileError } from '../shared/sources/sources-file';

const DomainSchema = z
  .string()
  .toLowerCase()
  .regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a DNS domain name');

/** An https origin (scheme, host, optional port; no path): the site that hosts the subscribe page. */
const OriginSchema = z
  .url({ protocol: /^https$/ })
  .refine((value) => new URL(value).origin === value, { message: 'must be an https origin without path or trailing slash' });

export const DeploymentSettingsSchema = z
  .object({
    /** Deployment name; prefixes the stack name. */
    stage: z.string().regex(/^[a-z][a-z0-9-]{0,15}$/, 'lower-case letters, digits and dashes, at most 16'),
    /** Path of the sources file, relative to the project root. */
    sourcesFile: z.string().min(1).default('sample/sources.json'),
    /** Zone the schedules run in; the sources file's region zone when not given. */
    timeZone: TimeZoneSchema.optional(),
    operatorName: z.string().trim().min(1).max(200),
    /** CAN-SPAM requires a postal address in every message (reliability.md EM-30). */
    operatorPostalAddress: z.string().trim().min(5).max(300),
    fromAddress: EmailSchema,
    /** When set, the stack creates the SES domain identity (Easy DKIM + custom MAIL FROM). */
    mailDomain: DomainSchema.optional(),
    siteOrigin: OriginSchema,
    /** Subscribed to the operator topic when given. */
    alarmEmail: EmailSchema.optional(),
  })
  .strict()
  .superRefine((settings, ctx) => {
    if (settings.mailDomain !== undefined && !settings.fromAddress.endsWith(`@${settings.mailDomain}`)) {
      // DMARC alignment (EM-02): the From domain must be the DKIM-signing domain.
      ctx.addIssue({ code: 'custom', path: ['fromAddress'], message: 'must be an address at mailDomain' });
    }
  });
export type DeploymentSettings = z.infer<typeof DeploymentSettingsSchema>;

/** Everything the stack needs: validated settings, the parsed sources file and the resolved zone. */
export interface Deployment {
  settings: DeploymentSettings;
  sources: SourcesFile;
  /** Absolute path of the sources file, copied into the ingest dispatcher's bundle. */
  sourcesFilePath: string;
  timeZone: string;
}

/** The context keys read; each also falls back to `NETMIX_<UPPER_SNAKE>` in the environment. */
export const SETTING_KEYS = [
  'stage',
  'sourcesFile',
  'timeZone',
  'operatorName',
  'operatorPostalAddress',
  'fromAddress',
  'mailDomain',
  'siteOrigin',
  'alarmEmail',
] as const;

/** Settings or sources file rejected at synth. */
export class DeploymentConfigError extends Error {
  override readonly name = 'DeploymentConfigError';
}

/** `operatorPostalAddress` → `NETMIX_OPERATOR_POSTAL_ADDRESS`. */
export function envNameOf(key: string): string {
  return `NETMIX_${key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/**
 * Reads every setting through `read` (context first, then environment, in `infra/app.ts`), validates
 * them, then loads and validates the sources file found under `projectRoot`.
 */
export function loadDeployment(read: (key: string) => unknown, projectRoot: string): Deployment {
  const raw: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = read(key);
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = DeploymentSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      return `  ${key} (context "${key}" or ${envNameOf(key)}): ${issue.message}`;
    });
    throw new DeploymentConfigError(`invalid deployment settings:\n${lines.join('\n')}`, { cause: parsed.error });
  }
  const settings = parsed.data;
  const sourcesFilePath = resolve(projectRoot, settings.sourcesFile);
  let text: string;
  try {
    text = readFileSync(sourcesFilePath, 'utf8');
  } catch (error) {
    throw new DeploymentConfigError(`cannot read sources file ${sourcesFilePath}`, { cause: error });
  }
  let sources: SourcesFile;
  try {
    sources = parseSourcesFile(text, sourcesFilePath);
  } catch (error) {
    if (!(error instanceof SourcesFileError)) throw error;
    throw new DeploymentConfigError(`invalid sources file ${sourcesFilePath}:\n${error.problems.map((problem) => `  ${problem}`).join('\n')}`, { cause: error });
  }
  return { settings, sources, sourcesFilePath, timeZone: settings.timeZone ?? sources.region.timeZone };
}
