/** Signup and link requests against a served app, shared by the abuse and timing tests. */
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The form body of a signup of `email` (Lowell, 20 miles). */
export function signupForm(email: string, radiusMiles = 20): string {
  return new URLSearchParams([
    ['email', email],
    ['zip', '01852'],
    ['radiusMiles', String(radiusMiles)],
    ['mix', 'balanced'],
    ['online', 'yes'],
    ['digestSize', '8'],
  ]).toString();
}

/** POSTs the signup form from the app's own origin; resolves with status and body. */
export async function postSignup(baseUrl: string, email: string, radiusMiles = 20): Promise<{ status: number; body: string }> {
  const response = await fetch(`${baseUrl}/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: signupForm(email, radiusMiles),
  });
  return { status: response.status, body: await response.text() };
}

/** How many subscriber rows the byEmail index holds for `email` (what a race would multiply). */
export async function rowsFor(dynamo: DynamoDBClient, table: string, email: string): Promise<number> {
  const output = await dynamo.send(
    new QueryCommand({ TableName: table, IndexName: 'byEmail', KeyConditionExpression: 'email = :e', ExpressionAttributeValues: { ':e': { S: email } }, Select: 'COUNT' }),
  );
  return output.Count ?? 0;
}
