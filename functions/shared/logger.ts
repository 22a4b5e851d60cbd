/**
 * The functions' logger. Messages are constant; ids go in attributes; email addresses and payloads
 * never go in at all (reliability.md SEC-23). Service name comes from POWERTOOLS_SERVICE_NAME.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { installLazySourceMaps } from './source-map-stacks';

// Every handler builds its logger from here: in a bundle, the stacks it logs name the source files.
installLazySourceMaps(import.meta.url);

/** Builds the logger for one function. */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}
