/** The statistics this chapter prints (fractions are fractions: 0.27, not 27). */

export interface Change {
  from: { year: number; value: number };
  to: { year: number; value: number };
  /** Relative change, as a fraction. */
  growth: number;
}

export interface Stats {
  /** LinkedIn users over the pandemic (the chapter's headline sample). */
  flows: { stayed: number; joined: number; left: number; net: number; turnover: number; joinedToLeft: number };
  /** Figure 1: net migration by five-year age group, per cohort. */
  ageFlows: {
    cohort: "all" | "top3";
    groups: { ageGroup: string; ageMin: number; ageMax: number; joined: number; left: number; stayed: number; net: number; netRatio: number }[];
    /** Age groups with a net outflow / inflow, youngest first. */
    outflowGroups: string[];
    inflowGroups: string[];
  }[];
  /** Table 1: joiners against leavers. */
  profile: {
    rows: {
      id: string;
      section: "the-rank" | "other";
      joiner: number;
      leaver: number;
      decimals: number;
      /** t statistic: Welch's from SDs and sizes when given, else as published, else none. */
      t: number | undefined;
      tSource: "welch" | "published" | "none";
    }[];
    /** Share of joiners and leavers who are not Asian, and joiners' share relative to leavers'. */
    nonAsian: { joiner: number; leaver: number; ratio: number };
  };
  /** Table 2: flows by region, all users and the highly educated subset. */
  regions: {
    rows: {
      id: string;
      leave: number;
      join: number;
      net: number;
      turnover: number;
      edu: { leave: number; join: number; net: number; turnover: number };
    }[];
    /** Region ids by net flow, largest inflow first. */
    byNet: string[];
    eduByNet: string[];
    /** Sum of the highly educated net flows over the listed regions. */
    eduNetTotal: number;
  };
  /** Table 3: transitions by whether the person stayed with the same company. */
  transitions: {
    rows: { transition: "left" | "joined" | "stayed"; move: "different" | "same"; count: number; share: number }[];
    total: number;
    /** Per transition: total and the share (of that transition) moving within the same company. */
    byTransition: Record<"left" | "joined" | "stayed", { count: number; sameCompanyShare: number }>;
  };
  /** Table 4: cities ranked on human capital. */
  cities: {
    rows: { id: string; users: number; ranks: Record<CityRankColumn, number | undefined> }[];
    /** Per rank column: computed from values in the data, or as published. */
    rankSource: Record<CityRankColumn, "computed" | "published">;
  };
  population: {
    /**
     * One point per period: the latest estimate published by the build's as-of date (`value`, its
     * `status` and `released` date), beside the first (provisional) estimate and any revision.
     */
    points: { period: string; date: string; value: number; status: "provisional" | "revised"; released: string; provisional: number; revised: number | undefined }[];
    /** Highest pre-pandemic point, lowest point after it, and the last point in scope. */
    peak: PopulationPoint;
    trough: PopulationPoint;
    latest: PopulationPoint;
    /** How much of the fall from peak to trough has been regained by the latest point (1 = all). */
    recovered: number;
  };
  immigration: {
    workVisas: { before: SchemePeriod; after: SchemePeriod; ratio: number };
    ttps: SchemePeriod;
    qmas: { before: SchemePeriod; after: SchemePeriod; ratio: number };
  };
  nonlocalEmployment: { from: { year: number; share: number }; to: { year: number; share: number }; changePoints: number };
  rhq: {
    from: number;
    to: number;
    /** Per parent country (not the total), change over the chapter's window. */
    byParent: { parent: string; from: number; to: number; growth: number }[];
    /** Yearly counts in the window for the figure. */
    series: { year: number; parent: string; count: number }[];
  };
  foreignResidents: {
    hk: Change;
    hkExcludingHelpers: Change;
    beijing: Change;
    shanghai: Change;
    mainlandForeign: { year: number; value: number };
    /** Hong Kong's foreign residents as a share of the Mainland's foreigners. */
    hkShareOfMainlandForeign: number;
    /** Hong Kong's population as a share of the Mainland's. */
    hkShareOfMainlandPopulation: number;
  };
  mncGrowth: {
    bins: { min: number | undefined; max: number | undefined; companies: number; share: number }[];
    total: number;
    /** Companies whose headcount grew (bins above 0 %). */
    grew: number;
    grewShare: number;
  };
}

export type CityRankColumn =
  | "bachelor_rate_rank"
  | "mba_rate_rank"
  | "phd_rate_rank"
  | "founder_rate_rank"
  | "bachelor_the_rank"
  | "master_the_rank"
  | "phd_the_rank";

export type PopulationPoint = Stats["population"]["points"][number];
export interface SchemePeriod {
  start: string;
  end: string;
  count: number;
  approximate: boolean;
  mainlandShare: number | undefined;
}

/** Which value column a rank column is computed from, and whether smaller values rank first. */
export const CITY_RANK_BASIS: Record<CityRankColumn, { value: string; direction: "asc" | "desc" }> = {
  bachelor_rate_rank: { value: "bachelor_rate", direction: "desc" },
  mba_rate_rank: { value: "mba_rate", direction: "desc" },
  phd_rate_rank: { value: "phd_rate", direction: "desc" },
  founder_rate_rank: { value: "founder_rate", direction: "desc" },
  bachelor_the_rank: { value: "bachelor_the_avg", direction: "asc" },
  master_the_rank: { value: "master_the_avg", direction: "asc" },
  phd_the_rank: { value: "phd_the_avg", direction: "asc" },
};

