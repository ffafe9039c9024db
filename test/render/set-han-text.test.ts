import { describe, expect, it } from "vitest";
import { setHanText } from "../../src/render/set-han-text.ts";

describe("setHanText", () => {
  it("sets a closing bracket before punctuation half-width", () => {
    // Of two closing brackets only the one before the punctuation: halving the first laid the second over it.
    expect(setHanText("（簡稱「高才通」），讓")).toBe('（簡稱「高才通」<span class="cjk-half">）</span>，讓');
    expect(setHanText("（36人）。")).toBe('（36人<span class="cjk-half">）</span>。');
    expect(setHanText("（36人）與")).toBe("（36人）與");
    expect(setHanText('（<a href="#fig2">【圖2】</a>）。')).toBe('（<a href="#fig2">【圖2】</a><span class="cjk-half">）</span>。');
    expect(setHanText('<a title="）。">x</a>')).toBe('<a title="）。">x</a>');
  });

  it("removes typed spaces between Han and Latin letters or digits, leaving spacing to CSS", () => {
    expect(setHanText("數據來自 Revelio Labs 領英，2022 年")).toBe("數據來自Revelio Labs領英，2022年");
    expect(setHanText("Hong Kong and the city")).toBe("Hong Kong and the city");
  });

  it("leaves markup, styles, scripts, SVG and the title alone", () => {
    const html = '<title>甲（乙），</title><style>p::after{content:"）。"}</style><svg><text>（a），</text></svg><p class="a b">甲 B</p>';
    expect(setHanText(html)).toBe('<title>甲（乙），</title><style>p::after{content:"）。"}</style><svg><text>（a），</text></svg><p class="a b">甲B</p>');
  });
});
