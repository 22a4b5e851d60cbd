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

  it('requires an alarm email for every stage but dev', () => {
    expect(() => load({ alarmEmail: undefined })).toThrow(/alarmEmail \(context "alarmEmail" or NETMIX_ALARM_EMAIL\): required for stage "test"/);
    expect(load({ stage: 'dev', alarmEmail: undefined }).settings.alarmEmail).toBeUndefined();
  });

  it('wants an API domain and its certificate together, the certificate as an ACM ARN', () => {
    expect(() => load({ apiDomain: 'subscribe.example.org' })).toThrow(/apiCertificateArn .*required with apiDomain/);
    expect(() => load({ apiCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' })).toThrow(/apiDomain .*required with apiCertificateArn/);
    expect(() => load({ apiDomain: 'subscribe.example.org', apiCertificateArn: 'my-cert' })).toThrow(/apiCertificateArn .*must be an ACM certificate ARN/);
    expect(() => load({ apiDomain: 'netmix.example.org', apiCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' })).toThrow(/apiDomain .*must differ from siteOrigin/);
  });

  it('reads the digest day and hours, with defaults, and names a bad one', () => {
    const defaults = load({}).settings;
    expect([defaults.digestDay, defaults.digestHour, defaults.ingestHour]).toEqual(['MON', 7, 5]);
    const chosen = load({ digestDay: 'THU', digestHour: '18', ingestHour: '0' }).settings;
    expect([chosen.digestDay, chosen.digestHour, chosen.ingestHour]).toEqual(['THU', 18, 0]);
    expect(() => load({ digestDay: 'Monday' })).toThrow(/digestDay \(context "digestDay" or NETMIX_DIGEST_DAY\): must be one of MON, TUE/);
    expect(() => load({ digestHour: '24' })).toThrow(/digestHour .*must be an hour from 0 to 23/);
    expect(() => load({ ingestHour: '7.5' })).toThrow(/ingestHour .*whole hour/);
    expect(() => load({ topicKey: 'yes' })).toThrow(/topicKey .*must be true or false/);
  });

  it('maps setting keys to NETMIX_ environment names', () => {
    expect(envNameOf('siteOrigin')).toBe('NETMIX_SITE_ORIGIN');
    expect(envNameOf('stage')).toBe('NETMIX_STAGE');
  });
});
