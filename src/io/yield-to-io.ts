/**
 * Lets pending I/O run before the caller goes on: a promise settled from setImmediate, which
 * Node runs after the poll phase. A chain of awaits on settled promises never gives way to I/O,
 * so a long stretch of rendering (charts, fonts) would hold up the DevTools messages of a print
 * laid out meanwhile, Chromium's font requests among them, and the print would wait for Node.
 * Called between units of work of a few to a few tens of milliseconds each.
 */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
