import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSubscriptionApp } from '../../../shared/subscriptions/app';
import { coerceFormFields, SignupInputSchema } from '../../../shared/subscriptions/signup-input';
import { createHarness, SITE_ORIGIN } from './support/memory-ports';
import { postForm } from './support/requests';

const FIELD_NAMES = ['email', 'zip', 'radiusMiles', 'mix', 'interests', 'targetEmployers', 'online', 'digestSize'];

/** Plausible and hostile values for one field. */
const fieldValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('01852', '00000', '1234', 'pat@example.com', 'balanced', 'yes', 'no', '-1', '201', '1e3', '', '__proto__'),
  fc.integer({ min: -5, max: 500 }).map(String),
);

const formBody = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), fieldValue), {
  maxLength: 12,
});

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      email: fc.oneof(fc.emailAddress(), fc.string()),
      zip: fc.oneof(fc.constantFrom('01852', '02139', '00000'), fc.string({ maxLength: 7 })),
      radiusMiles: fc.oneof(fc.integer({ min: -10, max: 300 }), fc.double(), fc.string({ maxLength: 4 })),
      mix: fc.oneof(fc.constantFrom('job-seeker', 'balanced', 'professional'), fc.string({ maxLength: 10 })),
      interests: fc.oneof(fc.array(fc.string({ maxLength: 70 }), { maxLength: 25 }), fc.string()),
      online: fc.oneof(fc.boolean(), fc.constantFrom('yes', 'true', 1)),
      digestSize: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(null)),
      extra: fc.string({ maxLength: 5 }),
    },
    { requiredKeys: [] },
  ),
);

describe('signup body validation (SEC-11)', () => {
  const h = createHarness();
  const app = createSubscriptionApp(h.deps);

  it('answers every random form body with 202 or 400, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(formBody, async (fields) => {
        const response = await postForm(app, '/subscribe', fields);
        expect([202, 400]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
  });

  it('answers every random JSON body with 202 or 400, and 202 only for a body the schema accepts', async () => {
    await fc.assert(
      fc.asyncProperty(jsonBody, async (body) => {
        const response = await app.request('/subscribe', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: SITE_ORIGIN },
          body: JSON.stringify(body),
        });
        expect([202, 400]).toContain(response.status);
        if (response.status === 202) expect(SignupInputSchema.safeParse(body).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('answers random bytes with any content type with 202, 400 or 415, never a 500', async () => {
    const contentType = fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'multipart/form-data',
      'text/plain',
      'application/xml',
    );
    await fc.assert(
      fc.asyncProperty(contentType, fc.uint8Array({ maxLength: 300 }), async (type, bytes) => {
        const response = await app.request('/subscribe', {
          method: 'POST',
          headers: { 'content-type': type, origin: SITE_ORIGIN },
          body: bytes,
        });
        expect([202, 400, 415]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects an unknown key, even alongside a valid signup', async () => {
    const response = await postForm(app, '/subscribe', [
      ['email', 'a@example.com'],
      ['zip', '01852'],
      ['isAdmin', 'true'],
    ]);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('fields this page does not know');
  });

  it('rejects a ZIP code the table does not know with a clear message and stores nothing', async () => {
    const local = createHarness();
    const response = await postForm(createSubscriptionApp(local.deps), '/subscribe', [
      ['email', 'a@example.com'],
      ['zip', '00000'],
    ]);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('we don&#39;t know the ZIP code 00000');
    expect(local.subscribers.all()).toEqual([]);
    await local.settle();
    expect(local.mailer.sent).toEqual([]);
  });

  it('escapes what was submitted when it shows the form again', async () => {
    const response = await postForm(app, '/subscribe', [
      ['email', '"><script>alert(1)</script>'],
      ['zip', '01852'],
    ]);
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(body).not.toContain('<script>');
    expect(body).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('refuses a body over 10 KiB with 413', async () => {
    const response = await postForm(app, '/subscribe', [
      ['email', 'a@example.com'],
      ['zip', '01852'],
      ['targetEmployers', 'x'.repeat(11 * 1024)],
    ]);
    expect(response.status).toBe(413);
  });

  it('keeps a field named __proto__ as a field, which the schema then refuses', () => {
    const coerced = coerceFormFields({ ['__proto__']: 'x', email: 'a@example.com', zip: '01852' });
    expect(Object.keys(coerced)).toContain('__proto__');
    expect(SignupInputSchema.safeParse(coerced).success).toBe(false);
  });

  it('accepts the same signup as multipart/form-data', async () => {
    const local = createHarness();
    const form = new FormData();
    form.append('email', 'multi@example.com');
    form.append('zip', '02139');
    const response = await createSubscriptionApp(local.deps).request('/subscribe', {
      method: 'POST',
      headers: { origin: SITE_ORIGIN },
      body: form,
    });
    expect(response.status).toBe(202);
    expect(local.subscribers.all()[0]).toMatchObject({ email: 'multi@example.com', placeName: 'Cambridge', radiusMiles: 25 });
  });
});
