/**
 * Tencent Cloud SMS (短信), API 3.0: the SendSms action (version 2021-01-11) at https://sms.tencentcloudapi.com,
 * signed with TC3-HMAC-SHA256 as the "Signature v3" page of the TencentCloud API documentation describes
 * (https://www.tencentcloud.com/document/product/382/40467; sms/tencent.test.ts reproduces its worked example).
 *
 * Mainland SMS goes out only as pre-approved templates: each of our templates (sms/templates.ts) is registered in
 * the Tencent console and its id listed in TENCENT_SMS_TEMPLATES; the values fill the template's {1}, {2}… in order.
 */
import { createHash, createHmac } from "node:crypto";
import type { SmsMessage, SmsSender } from "./sender";

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";
const CONTENT_TYPE = "application/json; charset=utf-8";

export interface Tc3Input {
  secretId: string;
  secretKey: string;
  /** The product's short name, the first label of its host (cvm, sms). */
  service: string;
  host: string;
  /** Unix time, seconds: the X-TC-Timestamp header. */
  timestamp: number;
  /** The JSON body exactly as sent. */
  payload: string;
  contentType?: string;
}

export interface Tc3Signature {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const hmac = (key: string | Buffer, text: string) => createHmac("sha256", key).update(text, "utf8").digest();

/** The TC3-HMAC-SHA256 signature of a POST to "/" with signed headers content-type and host. */
export function tc3Sign(input: Tc3Input): Tc3Signature {
  const contentType = input.contentType ?? CONTENT_TYPE;
  const signedHeaders = "content-type;host";
  const canonicalRequest = [
    "POST",
    "/",
    "",
    `content-type:${contentType.toLowerCase()}\nhost:${input.host.toLowerCase()}\n`,
    signedHeaders,
    sha256Hex(input.payload),
  ].join("\n");
  // The date of the timestamp in UTC, never the local zone: at 00:00–08:00 Beijing time the dates differ.
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), scope, sha256Hex(canonicalRequest)].join("\n");
  const secretSigning = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), "tc3_request");
  const signature = createHmac("sha256", secretSigning).update(stringToSign, "utf8").digest("hex");
  const authorization = `${TC3_ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}

export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  /** 短信应用 SdkAppId (1400…). */
  sdkAppId: string;
  /** The approved signature, without brackets (黔程). */
  signName: string;
  region: string;
  /** Our template name → the approved template's id. */
  templateIds: Record<string, string>;
  host?: string;
}

export interface HttpRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

/** +86 in front of an 11-digit mainland number (E.164, as SendSms asks); other forms are passed as given. */
export function e164(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `+86${phone}` : phone;
}

/** The SendSms request for one message, signed at `timestamp` (Unix seconds): a pure function, tested without a network. */
export function buildSendSmsRequest(config: TencentSmsConfig, message: SmsMessage, timestamp: number): HttpRequest {
  if (!message.template) throw new Error("Tencent SMS sends templates only: the message has no template");
  const templateId = config.templateIds[message.template];
  if (!templateId) throw new Error(`Tencent SMS: no template id for "${message.template}" in TENCENT_SMS_TEMPLATES`);
  const host = config.host ?? "sms.tencentcloudapi.com";
  const payload = JSON.stringify({
    PhoneNumberSet: [e164(message.phone)],
    SmsSdkAppId: config.sdkAppId,
    SignName: config.signName,
    TemplateId: templateId,
    TemplateParamSet: message.params ?? [],
  });
  const { authorization } = tc3Sign({ secretId: config.secretId, secretKey: config.secretKey, service: "sms", host, timestamp, payload });
  return {
    url: `https://${host}/`,
    method: "POST",
    headers: {
      Authorization: authorization,
      "Content-Type": CONTENT_TYPE,
      Host: host,
      "X-TC-Action": "SendSms",
      "X-TC-Timestamp": String(timestamp),
      "X-TC-Version": "2021-01-11",
      "X-TC-Region": config.region,
    },
    body: payload,
  };
}

interface SendSmsResponse {
  Response?: {
    Error?: { Code: string; Message: string };
    SendStatusSet?: { SerialNo: string; PhoneNumber: string; Code: string; Message: string }[];
    RequestId?: string;
  };
}

/** What SendSms answered: the message's serial number, or an error naming the provider's code. */
export function readSendSmsResponse(status: number, json: unknown): { id: string } {
  const response = (json as SendSmsResponse | null)?.Response;
  if (response?.Error) throw new Error(`Tencent SMS ${response.Error.Code}: ${response.Error.Message}`);
  const first = response?.SendStatusSet?.[0];
  if (!first) throw new Error(`Tencent SMS: unexpected answer (HTTP ${status})`);
  if (first.Code !== "Ok") throw new Error(`Tencent SMS ${first.Code}: ${first.Message}`);
  return { id: first.SerialNo };
}

export class TencentSmsSender implements SmsSender {
  readonly kind = "tencent";

  constructor(
    private readonly config: TencentSmsConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(message: SmsMessage): Promise<{ id: string }> {
    const request = buildSendSmsRequest(this.config, message, Math.floor(Date.now() / 1000));
    const response = await this.fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(10_000),
    });
    const json: unknown = await response.json().catch(() => null);
    return readSendSmsResponse(response.status, json);
  }
}

/** The adapter's settings from the environment; throws naming what is missing. */
export function tencentConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TencentSmsConfig {
  const missing = ["TENCENT_SMS_SECRET_ID", "TENCENT_SMS_SECRET_KEY", "TENCENT_SMS_SDK_APP_ID", "TENCENT_SMS_TEMPLATES"].filter((k) => !env[k]);
  if (missing.length) throw new Error(`SMS_PROVIDER=tencent needs ${missing.join(", ")}`);
  let templateIds: Record<string, string>;
  try {
    templateIds = JSON.parse(env.TENCENT_SMS_TEMPLATES!) as Record<string, string>;
  } catch {
    throw new Error('TENCENT_SMS_TEMPLATES must be JSON: {"phone.code":"123456", …}');
  }
  return {
    secretId: env.TENCENT_SMS_SECRET_ID!,
    secretKey: env.TENCENT_SMS_SECRET_KEY!,
    sdkAppId: env.TENCENT_SMS_SDK_APP_ID!,
    signName: env.TENCENT_SMS_SIGN_NAME || "黔程",
    region: env.TENCENT_SMS_REGION || "ap-guangzhou",
    templateIds,
  };
}
