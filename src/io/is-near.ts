/** Whether `a` looks like a misspelling of `b`: edit distance ≤ 2, or equal ignoring case, spaces, dashes and underscores. */
export function isNear(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]/g, "");
  if (norm(a) === norm(b)) return true;
  return editDistance(a.toLowerCase(), b.toLowerCase()) <= 2;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
