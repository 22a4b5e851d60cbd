/**
 * The From header of every mail: the operator's name as the display name, so an inbox shows
 * "Merrimack Valley Career Center" rather than a bare `digest@` address.
 */
export function senderAddress(displayName: string, address: string): string {
  // One line, and a quoted-string: quotes and backslashes escaped (RFC 5322 §3.2.4). The mail
  // composer encodes non-ASCII names (RFC 2047) when it writes the header.
  const name = displayName.replace(/[\r\n]+/g, ' ').trim().replace(/["\\]/g, '\\$&');
  return name === '' ? address : `"${name}" <${address}>`;
}
