/**
 * Runs a chapter's stage SQL files in order. Each file holds statements that create (and fill)
 * tables from the input tables, the parameter tables and earlier stages' tables; files never read
 * or write files themselves (I/O stays in TypeScript, so the same SQL runs on other engines).
 */
import fs from "node:fs";
import path from "node:path";
import { DataError } from "../errors.ts";
import { messages } from "../messages.ts";
import type { Session } from "./session.ts";
import type { DeriveSpec } from "./spec.ts";

export interface StageTiming {
  stage: string;
  seconds: number;
}

/** Runs every stage; returns each stage's wall time. A failing stage becomes a DataError naming its file. */
export async function runStages(session: Session, spec: DeriveSpec, onStage: (stage: string) => void = () => {}): Promise<StageTiming[]> {
  const timings: StageTiming[] = [];
  for (const stage of spec.stages) {
    const file = path.join(spec.dir, stage);
    onStage(stage);
    const started = performance.now();
    try {
      await session.run(fs.readFileSync(file, "utf8"));
    } catch (err) {
      const shown = path.relative(process.cwd(), file) || file;
      throw new DataError([{ file: shown, message: messages.deriveStageFailed(stage, String((err as Error).message).split("\n")[0] ?? "") }], { cause: err });
    }
    timings.push({ stage, seconds: Math.round((performance.now() - started) / 10) / 100 });
  }
  return timings;
}
