/**
 * Two pieces of one document's work run side by side (its print, its screen HTML): both are
 * awaited whatever happens to the other, so nothing of the document outlives its task.
 */

/** Both results once both have settled; the first failure (in argument order) if either failed. */
export async function settleBoth<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === "rejected") throw ra.reason;
  if (rb.status === "rejected") throw rb.reason;
  return [ra.value, rb.value];
}
