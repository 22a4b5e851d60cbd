/** The version Netmix identifies itself with in its User-Agent (reliability.md SC-05). */
export const NETMIX_VERSION = '0.1.0';
