/**
 * Chromium's PDF made self-describing and reproducible: document information and XMP metadata
 * (title, authors, subject, keywords, language, version, data hash), dates from the build time
 * rather than the clock, a document ID derived from the content, and optional attached files
 * (the data snapshot). pdf-lib rewrites the file; the tagged structure and outline are kept.
 */
import { sha256 } from "../io/hash.ts";
import { labelPages, titleOutline } from "./pdf-navigation.ts";
import { AFRelationship, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFStream, PDFString, type PDFObject } from "pdf-lib";

export interface PdfMetadata {
  title: string;
  authors: string[];
  subject: string;
  keywords: string[];
  /** BCP 47 language tag, e.g. zh-HK. */
  lang: string;
  /** Release version, e.g. 2024.1. */
  version: string;
  /** sha256 of the input data. */
  dataHash: string;
  /** greenbook's version, for the Creator field. */
  generator: string;
  /** The build time (from SOURCE_DATE_EPOCH or the release date, never the clock). */
  date: Date;
}

export interface Attachment {
  name: string;
  bytes: Uint8Array;
  mimeType: string;
  description: string;
}

export interface FinishOptions {
  /** The input is a PDF/A-2b file (from Ghostscript); keep it conforming: Info and XMP say the
      same, XMP declares PDF/A-2b, and no custom keys or attachments are added. Default false. */
  pdfa?: boolean;
  /** The book's page number of the first page: viewers then show folios. Default: no page labels. */
  firstFolio?: number;
  /** The outline's top entry becomes the document's title (a chapter's heading). Default false. */
  titleOutline?: boolean;
}

export async function finishPdf(pdf: Uint8Array, meta: PdfMetadata, attachments: readonly Attachment[] = [], options: FinishOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  renumberStructureIds(doc);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.authors.join("; "));
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator(`greenbook ${meta.generator}`);
  doc.setProducer(`greenbook ${meta.generator} (Chromium, Paged.js, pdf-lib)`);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage(meta.lang);
  if (options.firstFolio !== undefined) labelPages(doc, options.firstFolio);
  if (options.titleOutline) titleOutline(doc, meta.title);
  if (!options.pdfa) {
    // pdf-lib keeps getInfoDict private; custom Info keys are a documented PDF feature.
    const info = (doc as unknown as { getInfoDict(): import("pdf-lib").PDFDict }).getInfoDict();
    info.set(PDFName.of("GreenbookVersion"), PDFString.of(meta.version));
    info.set(PDFName.of("GreenbookDataHash"), PDFString.of(meta.dataHash));
  }

  for (const a of attachments) {
    await doc.attach(a.bytes, a.name, {
      mimeType: a.mimeType,
      description: a.description,
      creationDate: meta.date,
      modificationDate: meta.date,
      afRelationship: AFRelationship.Source,
    });
  }

  const xmp = doc.context.stream(xmpPacket(meta, options.pdfa === true), { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(xmp));

  // A document ID that depends only on what the document is, so rebuilds are byte-identical.
  const id = sha256(`${meta.title}\0${meta.version}\0${meta.dataHash}\0${meta.lang}`).slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/**
 * Chromium names structure elements after internal DOM node numbers ("node00001352"), which
 * shift by one or two between otherwise identical runs. Renumbered in order, they stop
 * making the bytes of a rebuild differ; the mapping keeps their order, so name trees stay sorted.
 */
function renumberStructureIds(doc: PDFDocument): void {
  const pattern = /^node\d+$/;
  const sites: { container: PDFDict | PDFArray; key: PDFName | number; value: string }[] = [];
  const visit = (obj: PDFObject | undefined, seen: Set<PDFObject>) => {
    if (!obj || seen.has(obj)) return;
    seen.add(obj);
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        if (value instanceof PDFString && pattern.test(value.asString())) sites.push({ container: dict, key, value: value.asString() });
        else visit(value, seen);
      }
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) {
        const value = obj.get(i);
        if (value instanceof PDFString && pattern.test(value.asString())) sites.push({ container: obj, key: i, value: value.asString() });
        else visit(value, seen);
      }
    }
  };
  const seen = new Set<PDFObject>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj, seen);
  const ids = [...new Set(sites.map((s) => s.value))].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  const renamed = new Map(ids.map((id, i) => [id, `node${String(i + 1).padStart(8, "0")}`]));
  for (const site of sites) {
    const value = PDFString.of(renamed.get(site.value)!);
    if (site.container instanceof PDFDict) site.container.set(site.key as PDFName, value);
    else site.container.set(site.key as number, value);
  }
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function xmpPacket(m: PdfMetadata, pdfa: boolean): string {
  const date = m.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const li = (items: string[]) => items.map((i) => `<rdf:li>${escapeXml(i)}</rdf:li>`).join("");
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:greenbook="https://greenbook.invalid/ns/1.0/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(m.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq>${li(m.authors)}</rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(m.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:subject><rdf:Bag>${li(m.keywords)}</rdf:Bag></dc:subject>
<dc:language><rdf:Bag><rdf:li>${escapeXml(m.lang)}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>${escapeXml(m.keywords.join(" "))}</pdf:Keywords>
<pdf:Producer>${escapeXml(`greenbook ${m.generator} (Chromium, Paged.js, pdf-lib)`)}</pdf:Producer>
<xmp:CreatorTool>${escapeXml(`greenbook ${m.generator}`)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
${
  pdfa
    ? "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>"
    : `<greenbook:version>${escapeXml(m.version)}</greenbook:version>\n<greenbook:dataHash>${escapeXml(m.dataHash)}</greenbook:dataHash>`
}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
