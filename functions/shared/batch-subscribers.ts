/**
 * A SubscriberStore narrowed to one queue message's batch: `listActive` returns only those of the
 * batch's subscribers that are still active (someone may have unsubscribed since dispatch); every
 * other method goes to the real store. It lets the domain's `sendDigests`, which works on "the active
 * subscribers", run on one batch without knowing about queues.
 */
import type { Subscriber } from '../../shared/model/subscriber';
import type { SubscriberStore } from '../../shared/ports';

/** Wraps `store` so that `listActive` covers only `ids`. */
export function scopeToBatch(store: SubscriberStore, ids: readonly string[]): SubscriberStore {
  // The store is a plain object of functions, so a spread keeps every method but the one narrowed.
  return {
    ...store,
    listActive: async () => {
      const found = await Promise.all([...new Set(ids)].map((id) => store.get(id)));
      return found.filter((subscriber): subscriber is Subscriber => subscriber?.status === 'active');
    },
  };
}
