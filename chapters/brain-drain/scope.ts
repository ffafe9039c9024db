/** The `scope` block of this chapter's edition.yaml: which part of each series the chapter discusses. */
import { z } from "zod";
import { isoDate } from "../../src/data/edition.ts";

export const scopeSchema = z.strictObject({
  population: z.strictObject({
    from: z.string().regex(/^(mid|end)-\d{4}$/, "expected a reference point such as mid-2017"),
    to: z.string().regex(/^(mid|end)-\d{4}$/, "expected a reference point such as mid-2023"),
    /** Points before this date count as pre-pandemic when finding the peak. */
    pandemicStart: isoDate,
  }),
  rhq: z.strictObject({ from: z.number().int().min(1900).max(2100), to: z.number().int().min(1900).max(2100) }),
});

export type Scope = z.output<typeof scopeSchema>;
