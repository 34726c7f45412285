/** Median, p99 and max of a sample, in the sample's unit. */
export interface Summary {
  n: number;
  median: number;
  p99: number;
  max: number;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, median: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}
