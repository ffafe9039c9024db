/**
 * One temporary folder per test run. Tests, the CLI processes they start and the browsers those
 * launch all make their temporary files under it (TMPDIR, which os.tmpdir() and Chromium read),
 * and it is removed when the run ends, whatever a test left behind: a killed browser's profile,
 * a derive fixture, a data copy. GREENBOOK_KEEP_TEST_TMP=1 keeps it and prints where it is.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "greenbook-tests-")));
  process.env.TMPDIR = dir;
  return () => {
    if (process.env.GREENBOOK_KEEP_TEST_TMP) {
      console.log(`the tests' temporary files are kept in ${dir}`);
      return;
    }
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
}
