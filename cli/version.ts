/** Identity the CLI and the local runner fetch with (reliability.md SC-05: an honest User-Agent). */
export const NETMIX_VERSION = '0.1.0';
export const CONTACT_URL = 'https://github.com/netmix/netmix#contact';
