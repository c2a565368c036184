import { describe, expect, it } from "vitest";
import { buildSendSmsRequest, readSendSmsResponse, tc3Sign, type TencentSmsConfig } from "./tencent";

/*
 * The worked example of TencentCloud API 3.0 "Signature v3" (TC3-HMAC-SHA256), the same page in every product's
 * API documentation, e.g. https://www.tencentcloud.com/document/product/382/40467 (SMS) and
 * https://www.tencentcloud.com/document/api/267/37447: DescribeInstances of CVM in ap-guangzhou at 1551113065.
 * Quoted from the page: SecretId AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE, SecretKey Gu5t9xGARNpq86cd98joQYCN3EXAMPLE,
 * payload {"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]},
 * HashedRequestPayload 35e9c5b0…f064, HashedCanonicalRequest 5ffe6a04…7031,
 * Signature 72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168.
 * Earlier (and the Chinese) editions of the page mask the key as Gu5t9xGARNpq86cd98joQYCN3******* and give
 * Signature 2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c for the same request.
 */
const EXAMPLE = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
  service: "cvm",
  host: "cvm.tencentcloudapi.com",
  timestamp: 1551113065,
  // The JSON text as the page sends it: \u escapes kept as six characters each (what is hashed is these bytes).
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
};

describe("TC3-HMAC-SHA256 (the documentation's worked example)", () => {
  it("builds the canonical request the page shows", () => {
    expect(tc3Sign(EXAMPLE).canonicalRequest).toBe(
      [
        "POST",
        "/",
        "",
        "content-type:application/json; charset=utf-8",
        "host:cvm.tencentcloudapi.com",
        "",
        "content-type;host",
        "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
      ].join("\n"),
    );
  });

  it("builds the string to sign the page shows (the UTC date, not Beijing's 2019-02-26)", () => {
    expect(tc3Sign(EXAMPLE).stringToSign).toBe(
      ["TC3-HMAC-SHA256", "1551113065", "2019-02-25/cvm/tc3_request", "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"].join("\n"),
    );
  });

  it("computes the page's signature and Authorization header", () => {
    const signed = tc3Sign(EXAMPLE);
    expect(signed.signature).toBe("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    expect(signed.authorization).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    );
  });

  it("computes the earlier edition's signature with its masked key", () => {
    expect(tc3Sign({ ...EXAMPLE, secretKey: "Gu5t9xGARNpq86cd98joQYCN3*******" }).signature).toBe(
      "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
    );
  });
});

const CONFIG: TencentSmsConfig = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
  sdkAppId: "1400006666",
  signName: "黔程",
  region: "ap-guangzhou",
  templateIds: { "phone.code": "1110" },
};

describe("SendSms request", () => {
  it("posts the documented body and headers, signed for the sms service", () => {
    const r = buildSendSmsRequest(CONFIG, { phone: "13812345678", text: "【黔程】验证码 123456", template: "phone.code", params: ["123456", "10"] }, 1551113065);
    expect(r.url).toBe("https://sms.tencentcloudapi.com/");
    expect(JSON.parse(r.body)).toEqual({
      PhoneNumberSet: ["+8613812345678"],
      SmsSdkAppId: "1400006666",
      SignName: "黔程",
      TemplateId: "1110",
      TemplateParamSet: ["123456", "10"],
    });
    expect(r.headers).toMatchObject({
      "Content-Type": "application/json; charset=utf-8",
      Host: "sms.tencentcloudapi.com",
      "X-TC-Action": "SendSms",
      "X-TC-Version": "2021-01-11",
      "X-TC-Region": "ap-guangzhou",
      "X-TC-Timestamp": "1551113065",
    });
    const expected = tc3Sign({ ...CONFIG, service: "sms", host: "sms.tencentcloudapi.com", timestamp: 1551113065, payload: r.body });
    expect(r.headers.Authorization).toBe(expected.authorization);
    expect(r.headers.Authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE\/2019-02-25\/sms\/tc3_request, /);
  });

  it("refuses a message whose template has no approved id", () => {
    expect(() => buildSendSmsRequest(CONFIG, { phone: "13812345678", text: "x", template: "alert.digest" }, 1)).toThrow(/no template id/);
    expect(() => buildSendSmsRequest(CONFIG, { phone: "13812345678", text: "x" }, 1)).toThrow(/templates only/);
  });

  it("reads the answer: a serial number, or the provider's error", () => {
    expect(readSendSmsResponse(200, { Response: { SendStatusSet: [{ SerialNo: "5000:1045", PhoneNumber: "+8613812345678", Code: "Ok", Message: "send success" }], RequestId: "r" } })).toEqual({ id: "5000:1045" });
    expect(() => readSendSmsResponse(200, { Response: { SendStatusSet: [{ SerialNo: "", PhoneNumber: "+86138", Code: "LimitExceeded.PhoneNumberDailyLimit", Message: "daily limit" }] } })).toThrow(/PhoneNumberDailyLimit/);
    expect(() => readSendSmsResponse(200, { Response: { Error: { Code: "AuthFailure.SignatureFailure", Message: "bad" }, RequestId: "r" } })).toThrow(/SignatureFailure/);
    expect(() => readSendSmsResponse(502, null)).toThrow(/HTTP 502/);
  });
});
