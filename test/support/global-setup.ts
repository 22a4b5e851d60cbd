import type { TestProject } from 'vitest/node';
import { assertJava17, startDynamoLocal, type DynamoLocal } from '../../shared/local/dynamo-local';
import { findFreePort } from '../../shared/local/free-port';
import { startSesLocal, type SesLocal } from '../../shared/local/ses-local';
import './local-services';

/**
 * Starts ONE DynamoDB Local (in memory) and ONE local SES for the whole run and provides their
 * endpoints. The ports are chosen first and the services start in the background, so a run of
 * unit tests alone never waits for the JVM; `useLocalServices()` waits until they answer.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Fail the run at once, with the install hint, rather than as a timeout in every test.
  await assertJava17();
  const [dynamoPort, sesPort] = await Promise.all([findFreePort(), findFreePort()]);
  const dynamo: Promise<DynamoLocal> = startDynamoLocal({ port: dynamoPort });
  const ses: Promise<SesLocal> = startSesLocal({ port: sesPort });
  // The failures are reported by teardown and, as connection errors, by the tests that need them.
  dynamo.catch(() => undefined);
  ses.catch(() => undefined);
  project.provide('dynamoEndpoint', `http://127.0.0.1:${dynamoPort}`);
  project.provide('sesEndpoint', `http://127.0.0.1:${sesPort}`);
  return async () => {
    const results = await Promise.allSettled([dynamo, ses]);
    await Promise.all(results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.stop()] : [])));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure !== undefined) throw new Error('a local service failed to start', { cause: failure.reason });
  };
}
