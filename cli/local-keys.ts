/** The local runner's link-signing key: made once, kept in `.netmix/keys.json` so old links keep working. */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { TokenKeys } from '../shared/subscriptions/tokens';
import { localDir } from './local-runtime-file';

const KeysFileSchema = z.object({ current: z.object({ id: z.string().min(1), secret: z.string().min(32) }) });

export async function loadLocalKeys(): Promise<TokenKeys> {
  const path = join(localDir(), 'keys.json');
  try {
    return KeysFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  const keys = { current: { id: 'local1', secret: randomBytes(32).toString('base64url') } };
  await mkdir(localDir(), { recursive: true });
  await writeFile(path, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
