/** The HTML's copy of a chart drops what only assistive technology read (hidden there) and invisible paths; nothing drawn changes. */
import { describe, expect, it } from "vitest";
import { compactSvgForHtml } from "../../src/render/compact-svg.ts";

const SVG =
  '<svg role="img" aria-label="A description." xmlns="http://www.w3.org/2000/svg" class="marks" width="10" height="10">' +
  '<g class="mark-group role-frame root" role="graphics-object" aria-roledescription="group mark container"><g transform="translate(0,0)">' +
  '<path class="background" aria-hidden="true" d="M0,0h565v15h-565Z"/>' +
  '<path class="background" aria-hidden="true" d="M0,0h565v15h-565Z" fill="#eee"/>' +
  '<g class="mark-text role-mark" aria-hidden="true"><text font-size="11px" fill="#000">年中 mid-2023</text></g>' +
  '<path class="mark-rect" d="M1,2h3v4h-3Z" fill="#123456"/>' +
  '<path class="foreground" aria-hidden="true" d="" display="none"/></g></g></svg>';

describe("compactSvgForHtml", () => {
  const out = compactSvgForHtml(SVG);
  it("keeps every text, every filled path and the size", () => {
    expect(out).toContain('<text font-size="11px" fill="#000">年中 mid-2023</text>');
    expect(out).toContain('<path d="M1,2h3v4h-3Z" fill="#123456"/>');
    expect(out).toContain('<path d="M0,0h565v15h-565Z" fill="#eee"/>');
    expect(out).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="10" height="10">/);
  });
  it("drops ARIA annotations, classes and empty background and foreground paths", () => {
    expect(out).not.toMatch(/aria-|role=|class=/);
    expect(out).not.toContain('d=""');
    expect(out.match(/<path/g)).toHaveLength(2);
  });
});
