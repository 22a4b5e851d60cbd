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

/** An ACM certificate ARN (for the API's custom domain; in the stack's own region). */
const CertificateArnSchema = z
  .string()
  .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, 'must be an ACM certificate ARN (arn:aws:acm:REGION:ACCOUNT:certificate/ID)');

/** Days the weekly digest may go out on, as EventBridge Scheduler's cron spells them. */
export const WEEK_DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

/** An hour of the day, 0–23, from context (a string) or cdk.json (a number). */
const HourSchema = z.coerce
  .number({ message: 'must be an hour from 0 to 23' })
  .int('must be a whole hour from 0 to 23')
  .min(0, 'must be an hour from 0 to 23')
  .max(23, 'must be an hour from 0 to 23');

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
    /** The operator's own website (the digest's "about" link, CORS for a form embedded there). */
    siteOrigin: OriginSchema,
    /**
     * Custom domain of the subscription API (`subscribe.example.org`): every link in every mail is
     * built on it. Without it links use the API's default `execute-api` URL.
     */
    apiDomain: DomainSchema.optional(),
    /** ACM certificate for `apiDomain`, in the stack's region; required with it. */
    apiCertificateArn: CertificateArnSchema.optional(),
    /** Subscribed to the operator topic; required for every stage but `dev`. */
    alarmEmail: EmailSchema.optional(),
    /** Day the weekly digest goes out, in the region's zone. */
    digestDay: z.enum(WEEK_DAYS, { message: `must be one of ${WEEK_DAYS.join(', ')}` }).default('MON'),
    /** Hour the weekly digest goes out (0–23, the region's zone). */
    digestHour: HourSchema.default(7),
    /** Hour the daily ingest runs (0–23, the region's zone); best a few hours before the digest. */
    ingestHour: HourSchema.default(5),
    /**
     * Encrypt the SNS topics with a customer-managed KMS key ($1 a month; the AWS-managed SNS key
     * cannot grant SES or CloudWatch). Off by default: see the README's cost section.
     */
    topicKey: z
      .union([z.boolean(), z.enum(['true', 'false'])], { message: 'must be true or false' })
      .transform((value) => value === true || value === 'true')
      .default(false),
  })
  .strict()
  .superRefine((settings, ctx) => {
    if (settings.stage !== 'dev' && settings.alarmEmail === undefined) {
      ctx.addIssue({ code: 'custom', path: ['alarmEmail'], message: `required for stage "${settings.stage}" (only "dev" may run without anyone hearing its alarms)` });
    }
    if (settings.apiDomain !== undefined && settings.apiCertificateArn === undefined) {
      ctx.addIssue({ code: 'custom', path: ['apiCertificateArn'], message: 'required with apiDomain (an ACM certificate for that name, in the stack region)' });
    }
    if (settings.apiCertificateArn !== undefined && settings.apiDomain === undefined) {
      ctx.addIssue({ code: 'custom', path: ['apiDomain'], message: 'required with apiCertificateArn' });
    }
    if (settings.apiDomain !== undefined && settings.apiDomain === new URL(settings.siteOrigin).hostname) {
      ctx.addIssue({ code: 'custom', path: ['apiDomain'], message: 'must differ from siteOrigin\'s host: the website keeps serving its own pages' });
    }
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
  'apiDomain',
  'apiCertificateArn',
  'alarmEmail',
  'digestDay',
  'digestHour',
  'ingestHour',
  'topicKey',
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
