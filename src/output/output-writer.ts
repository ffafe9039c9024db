import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import path from "node:path";
import { GreenbookError } from "../errors.ts";
import { onProcessExit } from "../io/exit-cleanup.ts";
import { removeStaleByPid } from "../io/stale-by-pid.ts";

/** Staging folders are `<out>/.staging-<pid>-<random>`: one whose process is gone was left by a killed build. */
const STALE_STAGING = /^\.staging-(\d+)-[0-9a-f]+$/;

/** The file operations a build performs; tests pass a failing one to check nothing is half-written. */
export interface WriteEffects {
  mkdirSync: (dir: string, options: { recursive: true }) => unknown;
  writeFileSync: (file: string, data: string | Uint8Array) => void;
  renameSync: (from: string, to: string) => void;
  rmSync: (target: string, options: { recursive: true; force: true }) => void;
  existsSync: (target: string) => boolean;
}

export const realFs: WriteEffects = nodeFs;

/** The output folder could not be written; the previous outputs are as they were. */
export class OutputError extends GreenbookError {
  override name = "OutputError";
}

/**
 * Writes a build's outputs so that nothing is left half-written: every file goes to a staging
 * folder inside the output folder first, and only when all are written are they renamed into
 * place (a rename within one file system is atomic). If a rename fails part-way, the files
 * already moved are put back, so the folder holds either the whole new build or the old one.
 */
export class OutputWriter {
  readonly staging: string;
  private readonly files: string[] = [];
  private readonly unregister: () => void;

  constructor(
    readonly outDir: string,
    private readonly fs: WriteEffects = realFs,
  ) {
    this.staging = path.join(outDir, `.staging-${process.pid}-${randomBytes(4).toString("hex")}`);
    // The caller holds the output lock: staging folders of dead processes are leftovers of killed builds.
    if (fs === realFs) removeStaleByPid(outDir, STALE_STAGING);
    this.guard("prepare", () => fs.mkdirSync(this.staging, { recursive: true }));
    // A process ending mid-build (a signal's grace period over) leaves no staging folder either.
    this.unregister = onProcessExit(() => nodeFs.rmSync(this.staging, { recursive: true, force: true }));
  }

  private guard<T>(what: string, f: () => T): T {
    try {
      return f();
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new OutputError(`cannot ${what} the output folder ${this.outDir}: ${e.code ?? ""} ${e.message}`.replace(/\s+/g, " ") + "; the previous outputs are untouched", { cause: err });
    }
  }

  /** Stages a file at `rel` (relative to the output folder). */
  write(rel: string, data: string | Uint8Array): void {
    const target = path.join(this.staging, "new", rel);
    this.guard("write to", () => {
      this.fs.mkdirSync(path.dirname(target), { recursive: true });
      this.fs.writeFileSync(target, data);
    });
    this.files.push(rel);
  }

  /** Moves every staged file into place and removes the staging folder. Returns the final paths. */
  commit(): string[] {
    const moved: { final: string; backup?: string }[] = [];
    try {
      for (const rel of this.files) {
        const final = path.join(this.outDir, rel);
        const backup = path.join(this.staging, "old", rel);
        this.fs.mkdirSync(path.dirname(final), { recursive: true });
        let hadOld = false;
        if (this.fs.existsSync(final)) {
          this.fs.mkdirSync(path.dirname(backup), { recursive: true });
          this.fs.renameSync(final, backup);
          hadOld = true;
        }
        moved.push({ final, backup: hadOld ? backup : undefined });
        this.fs.renameSync(path.join(this.staging, "new", rel), final);
      }
    } catch (err) {
      for (const m of moved.reverse()) {
        try {
          if (m.backup) this.fs.renameSync(m.backup, m.final);
          else this.fs.rmSync(m.final, { recursive: true, force: true });
        } catch {
          /* best effort: the backup stays in the staging folder */
        }
      }
      this.discard();
      const e = err as NodeJS.ErrnoException;
      throw new OutputError(`cannot write to the output folder ${this.outDir}: ${e.code ?? ""} ${e.message}`.replace(/\s+/g, " ") + "; the previous outputs are untouched", { cause: err });
    }
    this.discard();
    return moved.map((m) => m.final);
  }

  /** Removes the staging folder and everything in it. */
  discard(): void {
    this.unregister();
    try {
      this.fs.rmSync(this.staging, { recursive: true, force: true });
    } catch {
      /* nothing more to do */
    }
  }
}
