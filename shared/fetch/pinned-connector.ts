import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { buildConnector as BuildConnector } from 'undici';
import { buildConnector } from './undici-slim';
import { assertAllowedAddress, type LoopbackAllowance } from './address-policy';
import { FetchError, NetworkError } from './errors';

/** Resolves a host name to all its addresses (A and AAAA); injectable so tests need no DNS. */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

/** The system resolver (getaddrinfo, so /etc/hosts counts too), asking for every address family. */
export const resolveWithSystem: ResolveHost = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
};

/** What the connector needs: how to resolve, the test-only loopback allowance, the connect timeout. */
export interface PinnedConnectorOptions {
  readonly resolve: ResolveHost;
  readonly loopback?: LoopbackAllowance | undefined;
  readonly connectTimeoutMs: number;
  /** TEST ONLY: trusted CA certificates replacing Node's roots (`FetcherOptions.ca`). */
  readonly ca?: string | readonly string[] | undefined;
}

/**
 * An undici connector that resolves the host itself, refuses the connection if ANY address is not
 * public, and then dials the checked address, so nothing re-resolves between the check and the
 * socket (DNS rebinding). The original host name stays the TLS server name and the Host header.
 */
export function createPinnedConnector(options: PinnedConnectorOptions): BuildConnector.connector {
  const dial = buildConnector({ timeout: options.connectTimeoutMs, ...(options.ca === undefined ? {} : { ca: [options.ca].flat() }) });
  return (connectOptions, callback) => {
    const port = connectPort(connectOptions.port, connectOptions.protocol);
    pinAddress(connectOptions.hostname, port, options).then(
      (address) => {
        dial({ ...connectOptions, hostname: address }, callback);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new NetworkError('connect failed', { cause: error }), null);
      },
    );
  };
}

function connectPort(port: string, protocol: string): number {
  if (port !== '') return Number(port);
  return protocol === 'https:' ? 443 : 80;
}

async function pinAddress(hostname: string, port: number, options: PinnedConnectorOptions): Promise<string> {
  if (isIP(hostname) !== 0) {
    assertAllowedAddress(hostname, port, hostname, options.loopback);
    return hostname;
  }
  let addresses: readonly string[];
  try {
    addresses = await options.resolve(hostname);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new NetworkError(`could not resolve ${hostname}`, { cause: error });
  }
  for (const address of addresses) assertAllowedAddress(address, port, hostname, options.loopback);
  const chosen = addresses.find((address) => isIP(address) === 4) ?? addresses[0];
  if (chosen === undefined) throw new NetworkError(`${hostname} has no addresses`);
  return chosen;
}
