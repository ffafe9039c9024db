#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=20 --always-sparkplug
// The `greenbook` command: runs src/cli/main.ts through tsx's loader.
import { register } from "tsx/esm/api";

register();
// A closed pipe (e.g. `greenbook check | head`) is not an error.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
// Stopped by a signal (exit 128 + its number): everything is cleaned up; do not wait for stragglers.
if (process.exitCode > 128) process.exit(process.exitCode);
