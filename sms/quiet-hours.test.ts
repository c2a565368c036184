import { describe, expect, it } from "vitest";
import { smsNotBefore } from "./quiet-hours";

/** A Shanghai wall-clock time as an instant. */
const sh = (isoLocal: string) => new Date(`${isoLocal}+08:00`);

describe("smsNotBefore (quiet hours 22:00–08:00 Asia/Shanghai)", () => {
  it("lets SMS go during the day, up to 21:59:59", () => {
    expect(smsNotBefore(sh("2026-12-06T08:00:00"))).toBeNull();
    expect(smsNotBefore(sh("2026-12-06T12:30:00"))).toBeNull();
    expect(smsNotBefore(sh("2026-12-06T21:59:00"))).toBeNull();
    expect(smsNotBefore(sh("2026-12-06T21:59:59.999"))).toBeNull();
  });

  it("holds from 22:00 until the next morning's 08:00", () => {
    expect(smsNotBefore(sh("2026-12-06T22:00:00"))).toEqual(sh("2026-12-07T08:00:00"));
    expect(smsNotBefore(sh("2026-12-06T23:59:59"))).toEqual(sh("2026-12-07T08:00:00"));
  });

  it("holds after midnight until the same morning's 08:00", () => {
    expect(smsNotBefore(sh("2026-12-07T00:00:00"))).toEqual(sh("2026-12-07T08:00:00"));
    expect(smsNotBefore(sh("2026-12-07T07:59:00"))).toEqual(sh("2026-12-07T08:00:00"));
    expect(smsNotBefore(sh("2026-12-07T07:59:59.999"))).toEqual(sh("2026-12-07T08:00:00"));
  });

  it("rolls over months and years in Shanghai time, whatever the UTC date says", () => {
    // 22:30 on 31 December in Shanghai is 14:30 UTC the same day: the morning is 1 January.
    expect(smsNotBefore(new Date("2026-12-31T14:30:00Z"))).toEqual(new Date("2027-01-01T00:00:00Z"));
    // 01:00 on 1 March in Shanghai is still 28 February in UTC: the morning is 1 March, not 28 February.
    expect(smsNotBefore(new Date("2027-02-28T17:00:00Z"))).toEqual(sh("2027-03-01T08:00:00"));
    expect(smsNotBefore(sh("2028-02-28T23:00:00"))).toEqual(sh("2028-02-29T08:00:00"));
    // 08:00 Shanghai is 00:00 UTC.
    expect(sh("2027-03-01T08:00:00").toISOString()).toBe("2027-03-01T00:00:00.000Z");
  });
});
