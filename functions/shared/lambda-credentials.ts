/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias in
 * `infra/constructs/netmix-function.ts`). Lambda gives a function its role's credentials in
 * `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`; the SDK's default chain
 * would also carry SSO, INI files, processes, web identity, IMDS and the STS and SSO clients they
 * need, none of which a Lambda reaches. Locally (tsx, tests) the real chain is used.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** What the SDK clients call `credentialDefaultProvider`: credentials from the environment only. */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}): ReturnType<typeof fromEnv> => fromEnv(init);
