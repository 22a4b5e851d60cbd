/**
 * A zod schema built the first time it is used rather than when its module loads.
 *
 * zod 4 does real work per schema node at construction (traits, lazy getters, checks): the
 * module-level schemas of a Lambda bundle cost 20–30 ms of every cold start on Node 20 here
 * (`npm run bench -- bundles`), though most invocations use a handful of them. Wrapping a module's
 * `export const XSchema = …` in `lazySchema(() => …)` keeps its type and every use as they are
 * (`XSchema.parse`, `z.infer<typeof XSchema>`, `XSchema.extend`, nesting in other schemas,
 * `instanceof`); the schema is built on the first property read, once. vercel/ai made the same
 * change for the same reason (vercel/ai#9275).
 */

/** Returns a stand-in for the schema `build` returns, building it on first use. */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  // Every trap forwards to the built schema with the built schema as receiver, so zod's own lazy
  // getters define their cached values on it, not on the stand-in.
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key, real()),
    set: (_target, key, value) => Reflect.set(real(), key, value, real()),
    has: (_target, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    ownKeys: () => Reflect.ownKeys(real()).filter((key) => Reflect.getOwnPropertyDescriptor(real(), key)?.configurable === true),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may not report a non-configurable property its (empty) target lacks.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
  });
}
