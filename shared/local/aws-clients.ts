import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { SESClient, type SESClientConfig } from '@aws-sdk/client-ses';

/** Region every local client uses; DynamoDB Local keeps one database per region unless shared. */
export const LOCAL_REGION = 'us-east-1';

/**
 * Dummy credentials: the local endpoints want a signed request but check no secret. DynamoDB Local
 * 3.x rejects an access key id with anything but letters and digits.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'netmixlocal', secretAccessKey: 'netmixlocal' } as const;

/** A DynamoDB client for DynamoDB Local at `endpoint` (e.g. `http://127.0.0.1:8000`). */
export function createLocalDynamoClient(endpoint: string, config: DynamoDBClientConfig = {}): DynamoDBClient {
  return new DynamoDBClient({ ...config, endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

/** An SES (v1 API) client for the local SES endpoint started by `startSesLocal`. */
export function createLocalSesClient(endpoint: string, config: SESClientConfig = {}): SESClient {
  return new SESClient({ ...config, endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}
