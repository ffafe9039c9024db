/**
 * Whether a request's Host header names this machine's loopback preview: localhost, 127.0.0.1 or
 * [::1], with the port the preview listens on (or none, for port 80). Any other name is a page
 * elsewhere reaching the preview through DNS rebinding.
 */
const LOCAL_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLocalHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!m) return false;
  const name = m[1]!.replace(/\.$/, "");
  const given = m[2] === undefined ? 80 : Number(m[2]);
  return LOCAL_NAMES.has(name) && given === port;
}
