/**
 * mulberry32: a small seeded pseudo-random generator for benchmarks and property tests, which must be
 * repeatable (a failing case can be replayed from its seed). The demo package uses its own generator
 * (scripts/demo/prng.ts), whose output is committed byte for byte.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
