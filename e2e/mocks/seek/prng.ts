// A seeded pseudo-random source (mulberry32) so a fault mix such as "10% of requests answer 503"
// hits the same requests on every run with the same seed: failing tests can be replayed.
export type Prng = () => number;

export function seededPrng(seed: number): Prng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
