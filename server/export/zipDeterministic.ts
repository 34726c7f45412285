import { type Zippable, zipSync } from "fflate";

/**
 * Zip time stamps are DOS times without a zone, which fflate reads from the local clock
 * fields: the UTC fields of `iso` are copied there so the bytes do not depend on the
 * server's time zone. Out of range (or unparsable) falls back to 1980-01-01, never to now.
 */
function dosTime(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1980 || d.getUTCFullYear() > 2099) return new Date(1980, 0, 1);
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

/**
 * A zip whose bytes depend only on its entries, their order and `mtime`: fflate would stamp
 * each entry with the current time, which makes two exports of one version differ (issue 11).
 */
export function zipDeterministic(
  entries: Record<string, Uint8Array>,
  mtime: string,
  level: (name: string) => 0 | 6 = () => 6,
): Uint8Array {
  const when = dosTime(mtime);
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(entries)) zippable[name] = [bytes, { level: level(name), mtime: when }];
  return zipSync(zippable);
}
