import { describe, expect, it } from "vitest";
import { parseSearchParams, searchHref } from "./search.schema";

const parse = (q: string) => parseSearchParams(new URLSearchParams(q));

describe("search parameters", () => {
  it("reads the form's and the API's spellings alike", () => {
    const form = parse("q=客服&region=520100&acc=sign_language&acc=flexible_hours&remote=on&type=part_time&payMin=3000&quota=on&sort=pay&page=2");
    const api = parse("q=客服&region=520100&accommodations=flexible_hours,sign_language&remote=1&type=part_time&payMin=3000&quota=1&sort=pay&page=2");
    expect(form).toEqual(api);
    expect(form.ignored).toEqual([]);
    expect(form.params).toMatchObject({ accommodations: ["flexible_hours", "sign_language"], remote: true, quotaEligible: true, payMin: 3000, page: 2 });
  });

  it("drops what it cannot read and names it, keeping the rest", () => {
    const r = parse("q=会计&region=110101&acc=teleport&acc=braille&payMin=abc&type=slave&sort=random&page=0&remote=maybe&education=phd");
    expect(r.params).toMatchObject({ q: "会计", region: null, accommodations: ["braille"], payMin: null, employmentType: null, sort: "relevance", page: 1, remote: false, education: null });
    expect(r.ignored.sort()).toEqual(["accommodations", "education", "page", "payMin", "region", "remote", "sort", "type"]);
  });

  it("defaults: everything, best match, page 1, a seeker's suitable vacancies", () => {
    expect(parse("").params).toEqual({
      q: "",
      region: null,
      accommodations: [],
      remote: false,
      employmentType: null,
      payMin: null,
      quotaEligible: false,
      education: null,
      sort: "relevance",
      show: "eligible",
      page: 1,
    });
  });

  it("round-trips through the links the page makes", () => {
    const { params } = parse("q=数据&acc=captions&remote=1&show=all&sort=newest");
    const href = searchHref("/vacancies", params, { page: 3 });
    expect(parse(href.split("?")[1]!).params).toEqual({ ...params, page: 3 });
    expect(searchHref("/vacancies", parse("").params)).toBe("/vacancies");
  });
});
