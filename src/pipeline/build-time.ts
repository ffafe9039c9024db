import type { Edition } from "../data/edition.ts";
import { UsageError } from "../errors.ts";
import { messages } from "../messages.ts";

/** The last second of the year 9999, the latest SOURCE_DATE_EPOCH a PDF date can carry. */
export const MAX_EPOCH_SECONDS = 253402300799;

/**
 * The time every output of a build carries: SOURCE_DATE_EPOCH when set (reproducible builds),
 * else the edition's release date at 00:00 UTC. Never the clock.
 */
export function buildTime(edition: Edition, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new UsageError(messages.sourceDateEpoch(epoch));
    // PDF dates and ISO strings need a four-digit year: 1970 to 9999.
    if (Number(epoch) > MAX_EPOCH_SECONDS) throw new UsageError(messages.sourceDateEpochRange(epoch, MAX_EPOCH_SECONDS));
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${edition.releaseDate}T00:00:00Z`);
}
