import { describe, expect, it } from 'vitest';
import { DeploymentConfigError, envNameOf, loadDeployment } from '../../infra/config';
import { PROJECT_ROOT } from '../../infra/constructs/netmix-function';
import { TEST_SETTINGS } from './settings';

function load(overrides: Record<string, string | undefined>): ReturnType<typeof loadDeployment> {
  const settings: Record<string, string | undefined> = { ...TEST_SETTINGS, ...overrides };
  return loadDeployment((key) => settings[key], PROJECT_ROOT);
}

describe('loadDeployment', () => {
  it('takes the schedule zone from the sources file when none is given', () => {
    const deployment = load({});
    expect(deployment.timeZone).toBe('America/New_York');
    expect(deployment.sourcesFilePath).toBe(`${PROJECT_ROOT}/sample/sources.json`);
    expect(deployment.sources.sources.length).toBeGreaterThan(0);
  });

  it('lets an explicit zone win', () => {
    expect(load({ timeZone: 'America/Chicago' }).timeZone).toBe('America/Chicago');
  });

  it('fails loudly on a missing key, naming the context key and the environment variable', () => {
    expect(() => load({ operatorPostalAddress: undefined })).toThrow(DeploymentConfigError);
    expect(() => load({ operatorPostalAddress: undefined })).toThrow(/operatorPostalAddress \(context "operatorPostalAddress" or NETMIX_OPERATOR_POSTAL_ADDRESS\)/);
  });

  it('rejects a From address outside the mail domain (DMARC alignment)', () => {
    expect(() => load({ fromAddress: 'digest@other.example.org' })).toThrow(/fromAddress/);
  });

  it('rejects a site origin with a path or over plain http', () => {
    expect(() => load({ siteOrigin: 'https://netmix.example.org/signup' })).toThrow(/siteOrigin/);
    expect(() => load({ siteOrigin: 'http://netmix.example.org' })).toThrow(/siteOrigin/);
  });

  it('rejects a sources file that is missing or invalid', () => {
    expect(() => load({ sourcesFile: 'no/such/file.json' })).toThrow(/cannot read sources file/);
    expect(() => load({ sourcesFile: 'package.json' })).toThrow(/invalid sources file/);
  });

  it('maps setting keys to NETMIX_ environment names', () => {
    expect(envNameOf('siteOrigin')).toBe('NETMIX_SITE_ORIGIN');
    expect(envNameOf('stage')).toBe('NETMIX_STAGE');
  });
});
