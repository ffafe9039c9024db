// The `hyphen` package (TeX hyphenation patterns) ships no type declarations.
declare module "hyphen/en-gb/index.js" {
  interface HyphenOptions {
    hyphenChar?: string;
    minWordLength?: number;
  }
  const hyphen: {
    hyphenateSync(text: string, options?: HyphenOptions): string;
    hyphenateHTMLSync(html: string, options?: HyphenOptions): string;
  };
  export default hyphen;
}
