import { describe, expect, it } from 'vitest';
import { buildSignupMail } from '../../../shared/subscriptions/confirmation-mail';
import { parseMime } from './support/requests';

const operator = { name: 'Merrimack Valley Career Center', postalAddress: '107 Merrimack St, Lowell, MA 01852' };

describe('buildSignupMail', () => {
  it('builds a multipart/alternative confirmation with the link in both parts and the postal address (EM-19, EM-30)', async () => {
    const raw = await buildSignupMail({
      kind: 'confirm',
      to: 'pat@example.com',
      from: 'Netmix <digest@example.org>',
      operator,
      placeName: 'Lowell <b>&',
      date: new Date('2026-11-22T12:00:00Z'),
      confirmUrl: 'https://subscribe.example.org/confirm/abc.def',
    });
    const text = Buffer.from(raw).toString('utf8');
    expect(text).toMatch(/Content-Type: multipart\/alternative/i);
    const mail = await parseMime(raw);
    expect(mail.subject).toBe('Confirm your weekly networking events email');
    expect(mail.date?.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(mail.text).toContain('https://subscribe.example.org/confirm/abc.def');
    expect(mail.text).toContain('107 Merrimack St, Lowell, MA 01852');
    const html = mail.html === false ? '' : mail.html;
    expect(html).toContain('href="https://subscribe.example.org/confirm/abc.def"');
    expect(html).toContain('Lowell &lt;b&gt;&amp;');
    expect(html).toContain('107 Merrimack St, Lowell, MA 01852');
  });

  it('builds the already-subscribed note with preferences and unsubscribe links and no confirm link', async () => {
    const mail = await parseMime(
      await buildSignupMail({
        kind: 'already-subscribed',
        to: 'pat@example.com',
        from: 'Netmix <digest@example.org>',
        operator,
        placeName: 'Lowell',
        date: new Date('2026-11-22T12:00:00Z'),
        preferencesUrl: 'https://subscribe.example.org/preferences/p.q',
        unsubscribeUrl: 'https://subscribe.example.org/u/u.v',
      }),
    );
    expect(mail.text).toContain('https://subscribe.example.org/preferences/p.q');
    expect(mail.text).toContain('https://subscribe.example.org/u/u.v');
    expect(mail.text).not.toContain('/confirm/');
  });
});
