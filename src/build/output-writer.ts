import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes a build's outputs so that nothing is left half-written: every file goes to a staging
 * folder inside the output folder first, and only when all are written are they renamed into
 * place (a rename within one file system is atomic). A failed build removes its staging folder
 * and leaves the previous outputs untouched.
 */
export class OutputWriter {
  readonly staging: string;
  private readonly files: string[] = [];

  constructor(readonly outDir: string) {
    mkdirSync(outDir, { recursive: true });
    this.staging = path.join(outDir, `.staging-${process.pid}-${randomBytes(4).toString("hex")}`);
    mkdirSync(this.staging, { recursive: true });
  }

  /** Stages a file at `rel` (relative to the output folder). */
  write(rel: string, data: string | Uint8Array): void {
    const target = path.join(this.staging, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
    this.files.push(rel);
  }

  /** Moves every staged file into place and removes the staging folder. Returns the final paths. */
  commit(): string[] {
    const done: string[] = [];
    for (const rel of this.files) {
      const final = path.join(this.outDir, rel);
      mkdirSync(path.dirname(final), { recursive: true });
      renameSync(path.join(this.staging, rel), final);
      done.push(final);
    }
    this.discard();
    return done;
  }

  /** Removes the staging folder and everything in it. */
  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}
