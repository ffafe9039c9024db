import { accessSync, constants } from "node:fs";
import { PrintError } from "../errors.ts";

/** Where Chromium is looked for, in order, after the GREENBOOK_CHROMIUM and PUPPETEER_EXECUTABLE_PATH variables. */
export const BROWSER_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** Returns the path of a Chromium executable, or throws a PrintError saying how to install one. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = BROWSER_CANDIDATES): string {
  for (const variable of ["GREENBOOK_CHROMIUM", "PUPPETEER_EXECUTABLE_PATH"] as const) {
    const given = env[variable];
    if (!given) continue;
    if (isExecutable(given)) return given;
    throw new PrintError(`${variable} is set to "${given}", which is not an executable file.`);
  }
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new PrintError(
    [
      "No Chromium browser found; greenbook prints with the system's Chromium and never downloads one.",
      `Looked in: ${candidates.join(", ")}.`,
      "Install it with:  sudo apt-get install chromium   (Debian/Ubuntu)",
      "or point greenbook at a Chrome or Chromium binary:  GREENBOOK_CHROMIUM=/path/to/chrome",
    ].join("\n"),
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
