import * as z from 'zod';
import undiciPackage from 'undici/package.json' with { type: 'json' };

const UNDICI_VERSION = z.object({ version: z.string() }).parse(undiciPackage).version;

/** What goes into our User-Agent. */
export interface UserAgentParts {
  /** Netmix's own version, e.g. `0.1.0`. */
  readonly version: string;
  /** Where a site owner can reach the operator: an http(s) URL or an email address. */
  readonly contactUrl: string;
}

/**
 * An honest User-Agent per SC-05: `Netmix/0.1.0 (+https://example.org/contact) undici/7.30.2`.
 * Throws on a version that does not start with a digit or a contact that is neither an http(s)
 * URL nor an email address, so a misconfigured deployment fails at start-up.
 */
export function buildUserAgent(parts: UserAgentParts): string {
  if (!/^\d[\w.+-]*$/.test(parts.version)) throw new Error(`invalid version for User-Agent: ${parts.version}`);
  const contact = parts.contactUrl.trim();
  const isUrl = /^https?:\/\/[^\s()]+$/.test(contact);
  const isEmail = /^(mailto:)?[^\s()@]+@[^\s()@]+$/.test(contact);
  if (!isUrl && !isEmail) throw new Error('User-Agent contact must be an http(s) URL or an email address');
  return `Netmix/${parts.version} (+${contact}) undici/${UNDICI_VERSION}`;
}
