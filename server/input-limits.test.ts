import { describe, expect, it } from "vitest";
import { bodyKind, checkFields, checkFormBody, checkJsonBody, checkQuery, LIMITS } from "./input-limits";

describe("the edge's input limits", () => {
  it("refuses an array index beyond the limit in a query or a body, whatever its zeros", async () => {
    expect(checkQuery("?employees%5B0%5D.grade%5B100000000%5D=1")).toMatchObject({ status: 400, code: "index_too_large" });
    expect(checkQuery("?x[99999999999999999999999]=1")).toMatchObject({ code: "index_too_large" });
    expect(checkQuery("?x[0000000000000000001]=1")).toBeNull();
    expect(checkQuery(`?employees[${LIMITS.arrayIndex}].grade=1`)).toBeNull();
    expect(checkQuery(`?employees[${LIMITS.arrayIndex + 1}].grade=1`)).toMatchObject({ code: "index_too_large" });
    const body = Buffer.from("identifier=a&password=b&x[99999999]=1");
    expect(await checkFormBody(body, "application/x-www-form-urlencoded")).toMatchObject({ status: 400, code: "index_too_large" });
  });

  it("refuses too many fields and over-long names", () => {
    const many = Array.from({ length: LIMITS.fields + 1 }, (_, i) => [`f${i}`, "1"] as [string, string]);
    expect(checkFields(many)).toMatchObject({ code: "too_many_fields" });
    expect(checkFields(many.slice(0, LIMITS.fields))).toBeNull();
    expect(checkFields([["a".repeat(LIMITS.nameLength + 1), "1"]])).toMatchObject({ code: "name_too_long" });
  });

  it("refuses a NUL byte in a value, a name or a query, and in JSON raw or escaped", async () => {
    expect(checkQuery("?q=%00")).toMatchObject({ code: "nul_byte" });
    expect(checkQuery("?q%00=1")).toMatchObject({ code: "nul_byte" });
    expect(await checkFormBody(Buffer.from("name=%E6%9D%A8%00%E5%85%89"), "application/x-www-form-urlencoded")).toMatchObject({ code: "nul_byte" });
    expect(checkJsonBody(Buffer.from('{"a":"\\u0000"}'))).toMatchObject({ code: "nul_byte" });
    expect(checkJsonBody(Buffer.from('{"a":"b"}'))).toBeNull();
    expect(await checkFormBody(Buffer.from("name=%E6%9D%A8%E5%85%89"), "application/x-www-form-urlencoded")).toBeNull();
  });

  it("accepts forms everywhere and JSON only where a route reads it", () => {
    expect(bodyKind("/login", "application/x-www-form-urlencoded")).toMatchObject({ kind: "form" });
    expect(bodyKind("/login", "multipart/form-data; boundary=x")).toMatchObject({ kind: "form" });
    expect(bodyKind("/login", "application/json")).toMatchObject({ status: 415 });
    expect(bodyKind("/login", "text/plain")).toMatchObject({ status: 415 });
    expect(bodyKind("/login", undefined)).toMatchObject({ status: 415 });
    expect(bodyKind("/api/levy/estimate", "application/json; charset=utf-8")).toMatchObject({ kind: "json" });
  });

  it("passes a file upload's multipart body to its route unread, and only there", () => {
    expect(bodyKind("/admin/imports", "multipart/form-data; boundary=x")).toMatchObject({ kind: "upload", maxBytes: 200 * 1024 * 1024 });
    expect(bodyKind("/admin/imports", "application/x-www-form-urlencoded")).toMatchObject({ kind: "form", maxBytes: LIMITS.formBodyBytes });
    expect(bodyKind("/admin/imports/x", "multipart/form-data; boundary=x")).toMatchObject({ kind: "form" });
  });

  it("refuses a multipart body that cannot be parsed", async () => {
    const broken = Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue');
    expect(await checkFormBody(broken, "multipart/form-data; boundary=x")).toMatchObject({ status: 400, code: "malformed_body" });
    const good = Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue\r\n--x--\r\n');
    expect(await checkFormBody(good, "multipart/form-data; boundary=x")).toBeNull();
  });
});
