/** The sign-up and preferences forms post field ids and free words, and show them again (in memory). */
import { describe, expect, it } from 'vitest';
import { createSubscriptionApp } from '../../../shared/subscriptions/app';
import { coerceFormFields } from '../../../shared/subscriptions/signup-input';
import { signToken } from '../../../shared/subscriptions/tokens';
import { TEST_KEYS, createHarness, subscriberFixture } from './support/memory-ports';
import { postForm } from './support/requests';

const ID = 'b'.repeat(32);

describe('fields of interest in the forms', () => {
  it('offers one checkbox per field, value the id and label the field label, and a free-words box', async () => {
    const h = createHarness();
    const page = await (await createSubscriptionApp(h.deps).request('/')).text();
    expect(page.match(/name="fields"/g)).toHaveLength(10);
    expect(page).toContain('<input type="checkbox" name="fields" value="human-resources">Human resources</label>');
    expect(page).toContain('<input type="checkbox" name="fields" value="finance">Finance and accounting</label>');
    expect(page).toMatch(/<label for="interests">Other words to look for \(optional\)<\/label>\s*<input id="interests" name="interests" type="text"/);
  });

  it('reads ticked ids into fields and the comma-separated box into interests', () => {
    expect(coerceFormFields({ zip: '01852', fields: ['human-resources', 'technology'], interests: ' biotech,  payroll ,' })).toEqual({
      zip: '01852',
      fields: ['human-resources', 'technology'],
      interests: ['biotech', 'payroll'],
    });
    // One ticked box arrives as a plain string.
    expect(coerceFormFields({ zip: '01852', fields: 'education' })).toMatchObject({ fields: ['education'] });
  });

  it('turns labels posted as interests (a page cached before ids) or typed in the box into fields', () => {
    expect(coerceFormFields({ zip: '01852', interests: ['Human resources', 'Technology'] })).toEqual({ zip: '01852', interests: [], fields: ['human-resources', 'technology'] });
    expect(coerceFormFields({ zip: '01852', fields: 'technology', interests: 'technology, Healthcare, biotech' })).toEqual({
      zip: '01852',
      fields: ['technology', 'healthcare'],
      interests: ['biotech'],
    });
  });

  it('refuses an unknown field id with a message naming the field', async () => {
    const h = createHarness();
    const response = await postForm(createSubscriptionApp(h.deps), '/subscribe', [['email', 'kim@example.com'], ['zip', '01852'], ['fields', 'astrology']]);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Fields of interest');
    expect(h.subscribers.all()).toEqual([]);
  });

  it('round-trips through the preferences page: ticked boxes and the words come back, and saving changes them', async () => {
    const h = createHarness();
    await h.subscribers.put(subscriberFixture({ id: ID, email: 'rt@example.com', status: 'active', fields: ['healthcare'], interests: ['biotech', 'Moderna & <co>'] }));
    const app = createSubscriptionApp(h.deps);
    const path = `/preferences/${signToken(TEST_KEYS, ID, 'preferences', h.clock.now())}`;
    const form = await (await app.request(path)).text();
    expect(form).toContain('value="healthcare" checked>Healthcare');
    expect(form).not.toContain('value="technology" checked');
    // Escaped, comma-joined.
    expect(form).toContain('value="biotech, Moderna &amp; &lt;co&gt;"');

    const saved = await postForm(app, path, [['zip', '01852'], ['fields', 'human-resources'], ['fields', 'trades-logistics'], ['interests', 'forklift']]);
    expect(saved.status).toBe(200);
    expect(await h.subscribers.get(ID)).toMatchObject({ fields: ['human-resources', 'trades-logistics'], interests: ['forklift'] });
    const again = await (await app.request(path)).text();
    expect(again).toContain('value="human-resources" checked>Human resources');
    expect(again).toContain('value="trades-logistics" checked>Trades and logistics');
    expect(again).toContain('value="forklift"');
  });

  it('keeps ticked boxes and typed words when the form comes back with a problem', async () => {
    const h = createHarness();
    const response = await postForm(createSubscriptionApp(h.deps), '/subscribe', [['email', 'not-an-address'], ['zip', '01852'], ['fields', 'finance'], ['interests', 'payroll']]);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('value="finance" checked>Finance and accounting');
    expect(page).toContain('value="payroll"');
  });
});
