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
  // Without Java the unit tests still run; tests that need DynamoDB fail at once with the hint.
  const javaProblem = await assertJava17().then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  const [dynamoPort, sesPort] = await Promise.all([findFreePort(), findFreePort()]);
  const dynamo: Promise<DynamoLocal | null> = javaProblem === null ? startDynamoLocal({ port: dynamoPort }) : Promise.resolve(null);
  const ses: Promise<SesLocal> = startSesLocal({ port: sesPort });
  // The failures are reported by teardown and, as connection errors, by the tests that need them.
  dynamo.catch(() => undefined);
  ses.catch(() => undefined);
  project.provide('dynamoEndpoint', `http://127.0.0.1:${dynamoPort}`);
  project.provide('dynamoUnavailable', javaProblem);
  project.provide('sesEndpoint', `http://127.0.0.1:${sesPort}`);
  return async () => {
    const results = await Promise.allSettled([dynamo, ses]);
    await Promise.all(results.flatMap((result) => (result.status === 'fulfilled' && result.value !== null ? [result.value.stop()] : [])));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure !== undefined) throw new Error('a local service failed to start', { cause: failure.reason });
  };
}
