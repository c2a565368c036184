/**
 * Places as pickers show them: each prefecture (市、州) with its counties (区、县、市), in code order. Client-safe: the
 * loaders build it from listDivisionsWithin (or listRegionChoices) and the region picker renders it.
 */
export interface RegionCounty {
  code: string;
  name: string;
}

export interface RegionPrefecture {
  code: string;
  name: string;
  counties: RegionCounty[];
}

interface DivisionLike {
  code: string;
  name: string;
  parentCode: string | null;
  level: "province" | "prefecture" | "county";
}

/** Prefectures with their counties; counties whose prefecture is not in the list are left out. */
export function regionTree(divisions: readonly DivisionLike[]): RegionPrefecture[] {
  const byCode = new Map<string, RegionPrefecture>();
  const tree: RegionPrefecture[] = [];
  for (const d of [...divisions].sort((a, b) => a.code.localeCompare(b.code))) {
    if (d.level === "prefecture") {
      const p = { code: d.code, name: d.name, counties: [] };
      byCode.set(d.code, p);
      tree.push(p);
    }
  }
  for (const d of [...divisions].sort((a, b) => a.code.localeCompare(b.code))) {
    if (d.level === "county") byCode.get(d.parentCode ?? "")?.counties.push({ code: d.code, name: d.name });
  }
  return tree;
}

/** The prefecture a code lies in: itself for a prefecture, its parent for a county; null for the province or unknown. */
export function prefectureOf(tree: readonly RegionPrefecture[], code: string | null | undefined): string | null {
  if (!code) return null;
  for (const p of tree) {
    if (p.code === code || p.counties.some((c) => c.code === code)) return p.code;
  }
  return null;
}
