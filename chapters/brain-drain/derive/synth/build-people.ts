/**
 * The synthetic sample, person by person: group, where movers went or came from, the elite
 * flag, Table 1's values, age, move type, extra jobs and multinational roles. Every published
 * marginal is hit by construction (exact label counts, shuffled with the seed); Table 1's
 * moments by integer search (calibrate-table1.ts).
 */
import { createRandom, shuffledLabels, type Random } from "../../../../src/derive/synth/random.ts";
import { CalibrationError, fitGroup, momentTargets, startingValues, targetSds, type ProfileTarget } from "./calibrate-table1.ts";
import { assignMultinationals } from "./assign-multinationals.ts";
import type { SynthTargets } from "./read-targets.ts";

export type { Group, Level, Person } from "./person.ts";
import type { Group, Level, Person } from "./person.ts";

const ELITE_MAX = 50;

/** Splits `total` into `k` near-equal whole parts. */
export function spread(total: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(total / k) + (i < total % k ? 1 : 0));
}

function profileTarget(t: SynthTargets, row: string): ProfileTarget {
  const r = t.tables.profile.find((p) => p.row === row);
  if (!r || r.t === undefined) throw new Error(`profile.csv has no row "${row}" with a t statistic`);
  return { joiner: r.joiner, leaver: r.leaver, t: r.t, decimals: r.decimals };
}

/** How many starts a Table 1 group's search gets. */
const FIT_ATTEMPTS = 4;

/** Fits one Table 1 row for joiners and leavers; returns [joiner values, leaver values]. */
function fitRow(t: SynthTargets, row: string, n: [number, number], bounds: [number[][], number[][]], random: Random, weights?: [number[], number[]], extra?: { row: string; weights: [number[], number[]] }): [number[], number[]] {
  const choice = t.choices.table1[row]!;
  const p = profileTarget(t, row);
  const targets = momentTargets(p, targetSds(p, n[0], n[1], choice.sd_ratio), weights);
  const extraTargets = extra ? momentTargets(profileTarget(t, extra.row), targetSds(profileTarget(t, extra.row), n[0], n[1], t.choices.table1[extra.row]?.sd_ratio ?? 1), extra.weights) : undefined;
  return [0, 1].map((g) => {
    // A search from an unlucky start can stall: start again from new values drawn from the same
    // stream (so the seed still decides every byte) before giving up.
    for (let attempt = 1; ; attempt++) {
      const start = startingValues(n[g]!, targets[g]!.mean, targets[g]!.sd, random);
      try {
        return fitGroup(`${row} (${g === 0 ? "joiners" : "leavers"})`, start, bounds[g]![0]!, bounds[g]![1]!, extraTargets ? [targets[g]!, extraTargets[g]!] : [targets[g]!], random);
      } catch (err) {
        if (!(err instanceof CalibrationError) || attempt === FIT_ATTEMPTS) throw err;
      }
    }
  }) as [number[], number[]];
}

/** Builds every sample person for `seed`. */
export function buildPeople(t: SynthTargets, seed: number): Person[] {
  const random = createRandom(seed);
  const total = (g: Group) => t.tables.linkedinTotals.find((r) => r.group === g)!.count;
  const people: Person[] = [];
  const groups: Group[] = ["stayed", "joined", "left"];
  const byGroup = new Map<Group, Person[]>();
  for (const group of groups) {
    const list = Array.from({ length: total(group) }, (): Person => ({ id: people.length + 1, group, abroad: null, elite: false, degree: null, age: 0, salary: 0, top3: false, asian: false, connections: null, move: "different", extra: false, mnc: null, blankPost: false }));
    for (const p of list) {
      p.id = people.length + 1;
      people.push(p);
    }
    byGroup.set(group, list);
  }
  const movers: [Person[], Person[]] = [byGroup.get("joined")!, byGroup.get("left")!];

  // Table 1 THE-rank rows: one ranked degree each; elite status is fixed by the starting draw.
  const next: [number, number] = [0, 0];
  for (const [row, choice] of Object.entries(t.choices.table1)) {
    if (!choice.level) continue;
    const level = choice.level;
    const n: [number, number] = [choice.joiner_n!, choice.leaver_n!];
    const p = profileTarget(t, row);
    const sds = targetSds(p, n[0], n[1], choice.sd_ratio);
    const starts = [0, 1].map((g) => startingValues(n[g]!, g === 0 ? p.joiner : p.leaver, sds[g]!, random).map((v) => Math.min(choice.max!, Math.max(choice.min!, Math.round(v)))));
    const bounds = starts.map((s) => [s.map((v) => (level === "phd" || v > ELITE_MAX ? (level === "phd" ? choice.min! : ELITE_MAX + 1) : choice.min!)), s.map((v) => (level !== "phd" && v <= ELITE_MAX ? ELITE_MAX : choice.max!))]) as [number[][], number[][]];
    const values = fitRow(t, row, n, bounds, random);
    for (const g of [0, 1] as const) {
      values[g].forEach((rank, i) => {
        const person = movers[g][next[g] + i]!;
        person.degree = { level, rank };
        person.elite = level === "phd" || rank <= ELITE_MAX;
      });
      next[g] += n[g];
    }
  }

  // Table 2: elite fillers (PhDs from unranked schools) where ranked degrees give too few; then countries.
  for (const [g, key] of [[0, "join_edu"], [1, "leave_edu"]] as const) {
    const list = movers[g];
    const countKey = g === 0 ? "join" : "leave";
    const topEdu = t.tables.regionFlows.reduce((s, r) => s + r[key], 0);
    let elite = list.filter((p) => p.elite).length;
    for (let i = next[g]; elite < topEdu; i++, elite++) {
      list[i]!.degree = { level: "phd", rank: null };
      list[i]!.elite = true;
    }
    const others = t.choices.other_countries;
    const otherTotal = spread(list.length - t.tables.regionFlows.reduce((s, r) => s + r[countKey], 0), others.length);
    const otherElite = spread(elite - topEdu, others.length);
    const eliteCounts = new Map<string, number>();
    const plainCounts = new Map<string, number>();
    for (const r of t.tables.regionFlows) {
      const country = t.regionCountry.get(r.region) ?? r.region;
      eliteCounts.set(country, r[key]);
      plainCounts.set(country, r[countKey] - r[key]);
    }
    others.forEach((c, k) => {
      eliteCounts.set(c, otherElite[k]!);
      plainCounts.set(c, otherTotal[k]! - otherElite[k]!);
    });
    const eliteLabels = shuffledLabels(eliteCounts, random);
    const plainLabels = shuffledLabels(plainCounts, random);
    for (const p of list) p.abroad = (p.elite ? eliteLabels : plainLabels).pop()!;
  }

  // Ages: the Figure 1 band by exact counts, then (for movers) the Table 1 mean and t within bands.
  for (const group of groups) {
    const list = byGroup.get(group)!;
    const bands = new Map(t.tables.ageFlows.filter((r) => r.cohort === "all").map((r) => [Number(r.age_group.slice(0, 2)), r[group]]));
    const labels = shuffledLabels(bands, random);
    list.forEach((p, i) => (p.age = labels[i]! + random.int(0, 4)));
  }
  // Figure 1's top3 cohort: exactly the published number per group and band; salaries then sit above or below the cut.
  for (const group of groups) {
    const list = byGroup.get(group)!;
    for (const r of t.tables.ageFlows.filter((a) => a.cohort === "top3")) {
      const lo = Number(r.age_group.slice(0, 2));
      const inBand = random.shuffle(list.filter((p) => p.age - ((p.age - 20) % 5) === lo));
      for (const p of inBand.slice(0, r[group])) p.top3 = true;
    }
  }
  const bandBounds = (g: 0 | 1): number[][] => [movers[g].map((p) => p.age - ((p.age - 20) % 5)), movers[g].map((p) => p.age - ((p.age - 20) % 5) + 4)];
  const age = fitRow(t, "age", [movers[0].length, movers[1].length], [bandBounds(0), bandBounds(1)], random);
  movers.forEach((list, g) => list.forEach((p, i) => (p.age = age[g]![i]!)));

  // Salary (every mover), Asian share (exact counts), connections (a sub-sample, with connections per age).
  const sal = t.choices.table1.salary!;
  const cut = t.choices.salary_cut;
  const salaryBounds = (list: Person[]) => [list.map((p) => (p.top3 ? cut + 1 : sal.min!)), list.map((p) => (p.top3 ? sal.max! : cut))];
  const salary = fitRow(t, "salary", [movers[0].length, movers[1].length], [salaryBounds(movers[0]), salaryBounds(movers[1])], random);
  movers.forEach((list, g) => list.forEach((p, i) => (p.salary = salary[g]![i]!)));
  const st = t.choices.stayer_salary;
  for (const p of byGroup.get("stayed")!) p.salary = p.top3 ? random.int(cut + 1, st.max) : random.int(st.min, cut);
  const asian = t.tables.profile.find((r) => r.row === "asian-share")!;
  movers.forEach((list, g) => {
    const k = Math.round((g === 0 ? asian.joiner : asian.leaver) * list.length);
    const labels = shuffledLabels(new Map([[true, k], [false, list.length - k]]), random);
    list.forEach((p, i) => (p.asian = labels[i]!));
  });
  for (const p of byGroup.get("stayed")!) p.asian = random.next() < 0.8;
  const conn = t.choices.table1.connections!;
  const sub = [0, 1].map((g) => random.shuffle([...movers[g]!]).slice(0, g === 0 ? conn.joiner_n : conn.leaver_n)) as [Person[], Person[]];
  const perAge = sub.map((s) => s.map((p) => 1 / p.age)) as [number[], number[]];
  const connections = fitRow(t, "connections", [sub[0].length, sub[1].length], [0, 1].map((g) => [sub[g]!.map(() => conn.min!), sub[g]!.map(() => conn.max!)]) as [number[][], number[][]], random, undefined, { row: "connections-per-age", weights: perAge });
  sub.forEach((list, g) => list.forEach((p, i) => (p.connections = connections[g]![i]!)));

  // Table 3: person-level moves, plus one extra post-COVID job for (Table 3 rows - text total) persons.
  for (const group of groups) {
    const list = byGroup.get(group)!;
    const same = t.tables.transitions.find((r) => r.transition === group && r.move === "same")!.count;
    const different = t.tables.transitions.find((r) => r.transition === group && r.move === "different")!.count;
    const extras = same + different - list.length;
    const labels = shuffledLabels(new Map<Person["move"], number>([["same", same], ["different", list.length - same]]), random);
    list.forEach((p, i) => (p.move = labels[i]!));
    for (const p of random.shuffle([...list]).slice(0, extras)) p.extra = true;
  }

  assignMultinationals(t, byGroup.get("stayed")!, random);
  for (const p of people) if (!p.mnc && !p.extra && random.next() < t.choices.blank_country_share) p.blankPost = true;
  return people;
}
