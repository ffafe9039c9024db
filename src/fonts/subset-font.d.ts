/** subset-font 2.9 (HarfBuzz hb-subset in wasm); only what greenbook calls. */
declare module "subset-font" {
  interface SubsetOptions {
    /** Output format; default the input's. */
    targetFormat?: "sfnt" | "truetype" | "woff" | "woff2";
  }
  export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
