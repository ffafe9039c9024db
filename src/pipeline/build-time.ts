import type { Edition } from "../data/edition.ts";
import { UsageError } from "../errors.ts";

/**
 * The time every output of a build carries: SOURCE_DATE_EPOCH when set (reproducible builds),
 * else the edition's release date at 00:00 UTC. Never the clock.
 */
export function buildTime(edition: Edition, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${edition.releaseDate}T00:00:00Z`);
}
