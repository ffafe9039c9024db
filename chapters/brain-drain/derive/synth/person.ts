/** One synthetic person of the panel, and the multinational role a stayer may hold. */

export interface MncRole {
  /** 1-based firm number. */
  firm: number;
  /** span: at the firm on both dates; pre: only before; post: only after. */
  role: "span" | "pre" | "post";
}

export type Group = "stayed" | "joined" | "left";
export type Level = "bachelor" | "master" | "mba" | "phd";

export interface Person {
  id: number;
  group: Group;
  /** Where a leaver went or a joiner came from; null for stayers. */
  abroad: string | null;
  elite: boolean;
  /** The one ranked degree (rank null: a PhD from an unranked school). */
  degree: { level: Level; rank: number | null } | null;
  age: number;
  salary: number;
  asian: boolean;
  connections: number | null;
  move: "same" | "different";
  /** In the top salary deciles (Figure 1's top3 cohort). */
  top3: boolean;
  /** A second post-COVID job at another firm (Table 3's extra pair). */
  extra: boolean;
  mnc: MncRole | null;
  /** The post-COVID job is written without a country (the profile places it). */
  blankPost: boolean;
}
