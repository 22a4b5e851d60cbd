import { describe, expect, it } from 'vitest';
import { InvalidTokenError, signToken, verifyToken, type TokenKeys } from '../../../shared/subscriptions/tokens';

const id = '0123456789abcdef0123456789abcdef';
const keys: TokenKeys = { current: { id: 'k2', secret: 'second-secret-with-enough-entropy' } };
const now = new Date('2026-11-22T12:00:00Z');

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.reason;
    throw error;
  }
  return 'valid';
}

describe('link tokens', () => {
  it('round-trips the subscriber id for the purpose it was signed for', () => {
    expect(verifyToken(keys, signToken(keys, id, 'unsubscribe', now), 'unsubscribe', now)).toBe(id);
  });

  it('refuses a token with one flipped character in its signature', () => {
    const token = signToken(keys, id, 'unsubscribe', now);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(reasonOf(() => verifyToken(keys, token.slice(0, -1) + last, 'unsubscribe', now))).toBe('signature');
  });

  it('refuses a confirm token on the unsubscribe route', () => {
    expect(reasonOf(() => verifyToken(keys, signToken(keys, id, 'confirm', now), 'unsubscribe', now))).toBe('purpose');
  });

  it('refuses a token whose payload names a key it does not know', () => {
    const foreign: TokenKeys = { current: { id: 'k9', secret: 'another' } };
    expect(reasonOf(() => verifyToken(keys, signToken(foreign, id, 'preferences', now), 'preferences', now))).toBe('signature');
  });

  it('keeps an unsubscribe link working 31 days after the send (CAN-SPAM)', () => {
    const later = new Date(now.getTime() + 31 * 86_400_000);
    expect(verifyToken(keys, signToken(keys, id, 'unsubscribe', now), 'unsubscribe', later)).toBe(id);
  });

  it('expires a confirm link after 7 days', () => {
    const token = signToken(keys, id, 'confirm', now);
    expect(verifyToken(keys, token, 'confirm', new Date(now.getTime() + 6 * 86_400_000))).toBe(id);
    expect(reasonOf(() => verifyToken(keys, token, 'confirm', new Date(now.getTime() + 8 * 86_400_000)))).toBe('expired');
  });

  it('still verifies links signed with the previous key during a rotation', () => {
    const old: TokenKeys = { current: { id: 'k1', secret: 'first-secret' } };
    const rotated: TokenKeys = { current: keys.current, previous: [old.current] };
    expect(verifyToken(rotated, signToken(old, id, 'unsubscribe', now), 'unsubscribe', now)).toBe(id);
  });

  it('refuses garbage without throwing anything but InvalidTokenError', () => {
    for (const garbage of ['', '.', 'a.b.c', 'not-base64!.x', `${'x'.repeat(500)}.y`]) {
      expect(reasonOf(() => verifyToken(keys, garbage, 'unsubscribe', now))).toBe('malformed');
    }
  });
});
