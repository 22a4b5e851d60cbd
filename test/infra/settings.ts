/** Deployment settings for the infra tests: a domain is set, so the SES identity is created too. */
export const TEST_SETTINGS: Readonly<Record<string, string>> = {
  stage: 'test',
  sourcesFile: 'sample/sources.json',
  operatorName: 'Example Career Center',
  operatorPostalAddress: '1 Main St, Waltham, MA 02451',
  fromAddress: 'digest@mail.example.org',
  mailDomain: 'mail.example.org',
  siteOrigin: 'https://netmix.example.org',
  alarmEmail: 'ops@example.org',
};
