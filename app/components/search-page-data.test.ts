import { describe, expect, it } from "vitest";
import { packCard, packRegions, unpackCard, unpackRegions, type SearchCard } from "./search-page-data";

const card: SearchCard = {
  id: "0b7c1f9e-5d2a-4d7e-9a51-3f6b2c8d1e40",
  title: "客服专员（文字客服）",
  organizationName: "贵阳黔程示范科技有限公司",
  place: "贵阳市观山湖区",
  remote: true,
  payMin: 3200,
  payMax: 4500,
  employmentType: "full_time",
  accommodations: ["step_free_access", "flexible_hours"],
  demands: ["phone_calls"],
  quotaEligible: true,
  match: {
    eligible: false,
    reasons: {
      needsMet: ["step_free_access"],
      preferredMet: ["flexible_hours"],
      unmetNeeds: ["sign_language"],
      conflictingDemands: ["phone_calls"],
      certificatesMissing: ["会计证"],
      skillsMatched: ["中文打字"],
      skillsMissing: ["沟通表达"],
      place: "prefecture",
      payFits: false,
      educationFits: false,
    },
  },
};

describe("the search page's packed data", () => {
  it("gives back the card it was made from, with or without a match", () => {
    expect(unpackCard(packCard(card))).toEqual(card);
    expect(unpackCard(packCard({ ...card, match: null }))).toEqual({ ...card, match: null });
    // Only what the page shows: a score or a date on the way in is not sent.
    const extra = { ...card, regionCode: "520115", publishedAt: new Date(), match: { ...card.match!, score: 68.8 } };
    expect(JSON.stringify(packCard(extra))).not.toMatch(/520115|68\.8/);
    expect(unpackCard(packCard(extra))).toEqual(card);
  });

  it("gives back the prefectures and their counties", () => {
    const regions = [
      { code: "520100", name: "贵阳市", counties: [{ code: "520102", name: "南明区" }, { code: "520115", name: "观山湖区" }] },
      { code: "522600", name: "黔东南苗族侗族自治州", counties: [{ code: "522601", name: "凯里市" }] },
      { code: "520200", name: "六盘水市", counties: [] },
    ];
    expect(packRegions(regions)).toBe("520100贵阳市520102南明区520115观山湖区|522600黔东南苗族侗族自治州522601凯里市|520200六盘水市");
    expect(unpackRegions(packRegions(regions))).toEqual(regions);
    expect(unpackRegions(packRegions([]))).toEqual([]);
  });
});
