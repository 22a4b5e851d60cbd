import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { lazySchema } from '../../../shared/model/lazy-schema';

describe('lazySchema', () => {
  it('builds the schema on first use, once, and behaves as the schema itself', () => {
    let builds = 0;
    const Point = lazySchema(() => {
      builds += 1;
      return z.object({ x: z.number(), y: z.number().default(0) });
    });
    expect(builds).toBe(0);
    expect(Point.parse({ x: 1 })).toEqual({ x: 1, y: 0 });
    expect(Point.safeParse({ x: 'a' }).success).toBe(false);
    expect(builds).toBe(1);
    // Extended, nested, inspected: still the one build, and zod sees a real object schema.
    const Named = Point.extend({ name: z.string() });
    const Line = z.object({ from: Point, to: Point });
    expect(Named.parse({ x: 2, name: 'a' })).toEqual({ x: 2, y: 0, name: 'a' });
    expect(Line.parse({ from: { x: 1 }, to: { x: 2, y: 3 } })).toEqual({ from: { x: 1, y: 0 }, to: { x: 2, y: 3 } });
    expect(Point instanceof z.ZodObject).toBe(true);
    expect(Object.keys(Point.shape)).toEqual(['x', 'y']);
    expect(z.toJSONSchema(Line, { io: 'input' })).toMatchObject({ properties: { from: { properties: { x: { type: 'number' } } } } });
    expect(builds).toBe(1);
  });

  it('reports the same issues as the schema built eagerly', () => {
    const build = () => z.object({ email: z.email(), age: z.number().int().min(18) }).strict();
    const input = { email: 'not-mail', age: 12.5, extra: true };
    expect(lazySchema(build).safeParse(input).error?.issues).toEqual(build().safeParse(input).error?.issues);
  });
});
