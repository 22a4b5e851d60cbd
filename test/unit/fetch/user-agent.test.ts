import { describe, expect, it } from 'vitest';
import { buildUserAgent } from '../../../shared/fetch';

const SC05 = /^Netmix\/\d.+\(.+(https?:|@).+\)/;

describe('buildUserAgent (SC-05)', () => {
  it('names the product, its version, a contact URL and the HTTP library with its version', () => {
    const agent = buildUserAgent({ version: '0.1.0', contactUrl: 'https://example.org/contact' });
    expect(agent).toMatch(SC05);
    expect(agent).toMatch(/^Netmix\/0\.1\.0 \(\+https:\/\/example\.org\/contact\) undici\/\d+\.\d+\.\d+$/);
  });

  it('accepts an email address as the contact', () => {
    expect(buildUserAgent({ version: '1.2.3', contactUrl: 'ops@example.org' })).toMatch(SC05);
  });

  it.each([
    { version: 'dev', contactUrl: 'https://example.org/' },
    { version: '0.1.0', contactUrl: '' },
    { version: '0.1.0', contactUrl: 'example.org' },
    { version: '0.1.0', contactUrl: 'https://example.org/) evil (' },
  ])('refuses %j', (parts) => {
    expect(() => buildUserAgent(parts)).toThrow();
  });
});
