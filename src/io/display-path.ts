import path from "node:path";

/** A path as users see it: relative to the working directory when inside it. */
export function displayPathOf(absPath: string): string {
  const rel = path.relative(process.cwd(), absPath);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : absPath;
}
