/**
 * The parts of undici the fetcher uses, imported from undici's own files instead of its main entry.
 * `undici`'s index loads fetch, WebSocket, EventSource, caches, mocks and proxies too: 0.53 MB in a
 * bundle against 0.29 MB for these. Its index also adds every API method to `Dispatcher.prototype`;
 * here only `request`, the one `exchange` calls.
 */
import Agent from 'undici/lib/dispatcher/agent.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import request from 'undici/lib/api/api-request.js';
import buildConnector from 'undici/lib/core/connect.js';
import errors from 'undici/lib/core/errors.js';

Object.assign(Dispatcher.prototype, { request });

export { Agent, buildConnector, errors };
