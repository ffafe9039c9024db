/**
 * What Chromium drew a page's text with: the fonts of its text nodes that are not the page's own
 * (@font-face) fonts. Used by the font tests of the screen HTML and of print.
 */
import type { Page } from "puppeteer-core";

/** Fonts Chromium drew text nodes with that are not the document's own (@font-face) fonts. */
export async function systemFallbacks(page: Page): Promise<string[]> {
  const cdp = await page.createCDPSession();
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "body, body *" });
  const found = new Set<string>();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    for (const f of fonts) if (!f.isCustomFont && f.glyphCount > 0) found.add(f.familyName);
  }
  await cdp.detach();
  return [...found];
}
