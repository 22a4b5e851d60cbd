/** True when `error`, or any error in its `cause` chain, is an address-in-use failure. */
export function isAddressInUse(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth += 1) {
    if ('code' in current && current.code === 'EADDRINUSE') return true;
    if (/EADDRINUSE/.test(current.message)) return true;
  }
  return false;
}

/**
 * Starts a local server on the port a person can remember; when another program (or a running
 * `npm start`) holds it, on any free port instead. `start()` without a port must pick one itself.
 */
export async function onPreferredPort<T>(start: (port?: number) => Promise<T>, port: number): Promise<T> {
  try {
    return await start(port);
  } catch (error) {
    if (isAddressInUse(error)) return start();
    throw error;
  }
}
