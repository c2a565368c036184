import { describe, expect, it } from "vitest";
import { topicOf } from "../app/domain/notifications/channels";
import { isGsm7, renderSms, SMS_TEMPLATES, smsLength } from "./templates";

const LONG_ZH = "贵州省黔东南苗族侗族自治州凯里经济开发区残疾人职业技能培训与就业服务中心数据标注员（居家办公可选、提供读屏软件）";
const LONG_EN = "Senior Data Annotation Specialist for Accessible Mapping and Transport Information Services, Guiyang (remote possible)";

function values(fill: string): Record<string, string> {
  return { vacancy: fill, organization: fill, event: fill, course: fill, certificate: fill, counselor: fill, booth: fill, status: "interview", reference: "A-000123", count: "12", code: "048213" };
}

const NAMES = Object.keys(SMS_TEMPLATES);

describe("SMS templates", () => {
  it("cover every notification kind with a topic, the alerts and the phone code", () => {
    for (const name of NAMES) if (name !== "phone.code") expect(topicOf(name), name).not.toBeNull();
    for (const kind of ["application.status", "invitation.received", "referral.received", "event.promoted", "training.promoted", "alert.vacancy", "alert.digest", "message.fromCounselor", "phone.code"]) {
      expect(NAMES).toContain(kind);
    }
  });

  it.each(NAMES)("%s: Chinese fits one segment (70) with the signature, whatever the values", (name) => {
    for (const fill of ["数据标注员", LONG_ZH, LONG_EN, LONG_ZH + LONG_ZH]) {
      const { text } = renderSms(name, values(fill), "zh-CN");
      expect(text.startsWith("【黔程】"), text).toBe(true);
      expect(smsLength(text), text).toMatchObject({ encoding: "ucs2" });
      expect(text.length, text).toBeLessThanOrEqual(70);
    }
  });

  it.each(NAMES)("%s: English fits one segment: 160 GSM-7 with Latin values, 70 with Chinese ones", (name) => {
    for (const fill of ["Data annotator", LONG_EN, LONG_EN + LONG_EN]) {
      const { text } = renderSms(name, values(fill), "en");
      expect(text.startsWith("[Qiancheng] "), text).toBe(true);
      expect(isGsm7(text), text).toBe(true);
      expect(smsLength(text).length, text).toBeLessThanOrEqual(160);
    }
    for (const fill of ["数据标注员", LONG_ZH]) {
      const { text } = renderSms(name, values(fill), "en");
      const m = smsLength(text);
      expect(m.length, text).toBeLessThanOrEqual(m.limit);
      // A Chinese title in an English text makes it UCS-2: then 70.
      if (!isGsm7(text)) expect(text.length, text).toBeLessThanOrEqual(70);
    }
  });

  it("keeps short values whole and shortens long ones with an ellipsis, the code never", () => {
    const short = renderSms("invitation.received", { vacancy: "数据标注员", organization: "贵阳云图科技" }, "zh-CN");
    expect(short.text).toBe("【黔程】贵阳云图科技 邀请您申请“数据标注员”，请登录查看。");
    expect(short.params).toEqual(["贵阳云图科技", "数据标注员"]);
    const long = renderSms("invitation.received", { vacancy: LONG_ZH, organization: LONG_ZH }, "zh-CN");
    expect(long.params.every((p) => p.endsWith("…"))).toBe(true);
    expect(long.text.length).toBeGreaterThan(60);
    const code = renderSms("phone.code", { code: "048213" }, "zh-CN");
    expect(code.text).toContain("048213");
    expect(code.params).toEqual(["048213"]);
    const en = renderSms("alert.vacancy", { vacancy: LONG_EN, organization: "Yuntu" }, "en");
    expect(en.params[0]).toMatch(/\.\.\.$/);
    expect(en.params[1]).toBe("Yuntu");
  });

  it("shows an application's status as the site does", () => {
    expect(renderSms("application.status", { vacancy: "数据标注员", status: "interview" }, "zh-CN").text).toContain("邀请面试");
    expect(renderSms("application.status", { vacancy: "Data annotator", status: "hired" }, "en").text).toContain("Hired");
  });

  it("counts GSM-7 extension characters twice and non-GSM text as UCS-2", () => {
    expect(smsLength("a{b}")).toEqual({ encoding: "gsm7", length: 6, limit: 160 });
    expect(smsLength("【黔程】")).toEqual({ encoding: "ucs2", length: 4, limit: 70 });
  });

  it("answers a kind without its own text with a plain notice", () => {
    expect(renderSms("application.somethingNew", {}, "zh-CN").text).toBe("【黔程】您有一条新通知，请登录黔程查看。");
  });
});
