/** The local runner's servers move to a free port when theirs is taken (a second `npm start`, another program). */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../../shared/local/free-port';
import { isAddressInUse, onPreferredPort } from '../../../shared/local/preferred-port';
import { startSesLocal } from '../../../shared/local/ses-local';

describe('onPreferredPort', () => {
  let taken: Server;
  let port: number;

  beforeAll(async () => {
    port = await findFreePort();
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      taken.close(() => {
        resolve();
      });
    });
  });

  it('starts the local SES on another port when its preferred one is taken (the error was wrapped in cause)', async () => {
    await expect(startSesLocal({ port })).rejects.toSatisfy(isAddressInUse);
    const ses = await onPreferredPort((chosen) => startSesLocal(chosen === undefined ? {} : { port: chosen }), port);
    try {
      expect(ses.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(ses.endpoint).not.toBe(`http://127.0.0.1:${port}`);
      const health = await fetch(`${ses.endpoint}/health-check`);
      expect(health.ok).toBe(true);
    } finally {
      await ses.stop();
    }
  });

  it('rethrows any other failure', async () => {
    const failure = new Error('boom', { cause: new Error('no such file') });
    await expect(onPreferredPort(() => Promise.reject(failure), port)).rejects.toBe(failure);
    expect(isAddressInUse(new Error('wrapped', { cause: Object.assign(new Error('listen'), { code: 'EADDRINUSE' }) }))).toBe(true);
  });
});
