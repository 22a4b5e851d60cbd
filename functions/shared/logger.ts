/**
 * The functions' logger. Messages are constant; ids go in attributes; email addresses and payloads
 * never go in at all (reliability.md SEC-23). Service name comes from POWERTOOLS_SERVICE_NAME.
 */
import { Logger } from '@aws-lambda-powertools/logger';

/** Builds the logger for one function. */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}
