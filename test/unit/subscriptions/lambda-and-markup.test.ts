import { handle } from 'hono/aws-lambda';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { createSubscriptionApp } from '../../../shared/subscriptions/app';
import { signToken } from '../../../shared/subscriptions/tokens';
import { createHarness, subscriberFixture, TEST_KEYS } from './support/memory-ports';

const ID = 'dddddddddddddddddddddddddddddddd';

/** An HTTP API (payload 2.0) event as API Gateway sends it; typed by the adapter's parameter at the call. */
function httpApiEvent(method: string, path: string, body: string, headers: Record<string, string>) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.us-east-1.amazonaws.com', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      // A public route: no authorizer ran.
      authentication: null,
      authorizer: {},
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: headers['user-agent'] ?? '' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '22/Nov/2026:12:00:00 +0000',
      timeEpoch: 1_795_348_800_000,
    },
    body,
    isBase64Encoded: false,
  };
}

const lambdaContext = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'subscription-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:subscription-api',
  memoryLimitInMB: '256',
  awsRequestId: 'req-1',
  logGroupName: '/aws/lambda/subscription-api',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 10_000,
};

describe('the same app behind hono/aws-lambda (HTTP API payload 2.0)', () => {
  it('confirms through the Lambda adapter and records the address API Gateway appended', async () => {
    const h = createHarness();
    await h.subscribers.put(subscriberFixture({ id: ID, email: 'lambda@example.com', status: 'pending' }));
    // The Lambda entry uses hono/aws-lambda (deprecated in favour of @hono/aws-lambda, not installed here).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const handler = handle(createSubscriptionApp(h.deps));
    const path = `/confirm/${signToken(TEST_KEYS, ID, 'confirm', h.clock.now())}`;
    const result = await handler(
      httpApiEvent('POST', path, '', {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://abc123.execute-api.us-east-1.amazonaws.com',
        'user-agent': 'Mozilla/5.0',
        // API Gateway appends the caller's address to whatever the client sent.
        'x-forwarded-for': '10.0.0.1, 203.0.113.9',
      }),
      lambdaContext,
    );
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await h.subscribers.get(ID))?.consent).toMatchObject({ ip: '203.0.113.9', userAgent: 'Mozilla/5.0' });
  });
});

describe('page markup', () => {
  it('passes html-validate on the signup, preferences, confirm and unsubscribe pages', async () => {
    const h = createHarness();
    await h.subscribers.put(subscriberFixture({ id: ID, email: 'markup@example.com', status: 'active', interests: ['Robotics & <AI>'] }));
    const app = createSubscriptionApp(h.deps);
    const now = h.clock.now();
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      // Checkboxes sharing a name are how an HTML form sends a list (the interests).
      rules: { 'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }] },
    });
    for (const path of ['/', `/preferences/${signToken(TEST_KEYS, ID, 'preferences', now)}`, `/confirm/${signToken(TEST_KEYS, ID, 'confirm', now)}`, `/u/${signToken(TEST_KEYS, ID, 'unsubscribe', now)}`]) {
      const html = await (await app.request(path)).text();
      const report = await validator.validateString(html);
      const messages = report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message}`));
      expect({ path: path.split('/')[1], messages }).toEqual({ path: path.split('/')[1], messages: [] });
    }
  });
});
