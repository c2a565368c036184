/**
 * SMS texts (issue 17): one short text per notification kind that has a topic, the vacancy alerts and the phone
 * code, in Chinese and English. Each fits one SMS segment whatever the values: 70 characters when the text needs
 * UCS-2 (any Chinese character), 160 GSM-7 septets otherwise; long values (titles, names) are shortened with an
 * ellipsis until it fits. Chinese texts carry the signature 【黔程】 that mainland SMS requires; English texts
 * "[Qiancheng]", so that they stay GSM-7 (a 【】 bracket would make any text UCS-2 and cut it to 70).
 *
 * With a provider (sms/tencent.ts) each template is registered and approved in its console with the same wording,
 * its blanks numbered in the order of `params`; the values sent are the shortened ones.
 */
import { isMessageKey, translator, type Locale } from "../app/i18n/i18n";

interface SmsTemplate {
  /** The values the text uses, in the order a provider's template numbers them ({1}, {2}…). */
  params: readonly string[];
  zh: string;
  en: string;
}

const ZH = "【黔程】";
const EN = "[Qiancheng] ";

export const SMS_TEMPLATES = {
  "application.status": {
    params: ["vacancy", "status"],
    zh: "您申请的“{vacancy}”有新进展：{status}。请登录查看。",
    en: 'Your application "{vacancy}": {status}. Sign in to see.',
  },
  "application.newApplicant": {
    params: ["vacancy", "reference"],
    zh: "“{vacancy}”收到新申请（求职者 {reference}），请登录查看。",
    en: 'New application {reference} for "{vacancy}".',
  },
  "application.applicantWithdrew": {
    params: ["vacancy", "reference"],
    zh: "求职者 {reference} 撤回了对“{vacancy}”的申请。",
    en: 'Applicant {reference} withdrew from "{vacancy}".',
  },
  "invitation.received": {
    params: ["organization", "vacancy"],
    zh: "{organization} 邀请您申请“{vacancy}”，请登录查看。",
    en: '{organization} invites you to apply: "{vacancy}".',
  },
  "referral.received": {
    params: ["vacancy", "organization"],
    zh: "就业指导员向您推荐岗位“{vacancy}”（{organization}），请登录查看。",
    en: 'Your counselor suggests "{vacancy}" ({organization}).',
  },
  "referral.accepted": { params: ["vacancy"], zh: "求职者接受了您推荐的岗位“{vacancy}”并已申请。", en: 'Your referral to "{vacancy}" was accepted.' },
  "referral.declined": { params: ["vacancy"], zh: "求职者婉拒了您推荐的岗位“{vacancy}”。", en: 'Your referral to "{vacancy}" was declined.' },
  "event.promoted": {
    params: ["event"],
    zh: "您已从候补转为正式报名“{event}”，请登录查看签到码。",
    en: 'You now have a place at "{event}". Sign in.',
  },
  "event.cancelled": { params: ["event"], zh: "招聘会“{event}”已取消。", en: 'The job fair "{event}" is cancelled.' },
  "event.bookingReleased": {
    params: ["event"],
    zh: "“{event}”有单位退出，您预约的面试已取消，请另选时段。",
    en: 'Interview at "{event}" cancelled. Please rebook.',
  },
  "event.participationApproved": {
    params: ["event", "booth"],
    zh: "您单位参加“{event}”的申请已通过，展位：{booth}。",
    en: '"{event}": you may take part. Booth {booth}.',
  },
  "event.participationApprovedNoBooth": {
    params: ["event"],
    zh: "您单位参加“{event}”的申请已通过，展位稍后通知。",
    en: '"{event}": you may take part. Booth to follow.',
  },
  "event.participationRejected": { params: ["event"], zh: "您单位参加“{event}”的申请未通过。", en: '"{event}": your request was not approved.' },
  "training.promoted": { params: ["course"], zh: "您已从候补转为录取培训“{course}”。", en: 'You now have a place on "{course}".' },
  "training.cancelled": { params: ["course"], zh: "培训“{course}”已取消。", en: 'The course "{course}" is cancelled.' },
  "training.enrolledByCounselor": {
    params: ["course"],
    zh: "就业指导员为您报名了培训“{course}”，您已被录取。",
    en: 'Your counselor enrolled you on "{course}".',
  },
  "training.waitlistedByCounselor": {
    params: ["course"],
    zh: "就业指导员为您报名了培训“{course}”，目前在候补名单中。",
    en: 'You are waitlisted for "{course}".',
  },
  "training.completed": { params: ["course"], zh: "您已完成培训“{course}”，祝贺结业！", en: 'You completed "{course}". Congratulations!' },
  "training.certificate": {
    params: ["course", "certificate"],
    zh: "培训“{course}”的证书“{certificate}”已记录。",
    en: 'Certificate "{certificate}" ({course}) recorded.',
  },
  "message.fromCounselor": {
    params: ["counselor"],
    zh: "就业指导员 {counselor} 给您发来一条消息，请登录查看。",
    en: "Your counselor {counselor} sent a message. Sign in.",
  },
  "message.fromSeeker": {
    params: [],
    zh: "您的一位服务对象给您发来一条消息，请登录查看。",
    en: "A person on your caseload sent you a message. Sign in to read it.",
  },
  "alert.vacancy": {
    params: ["vacancy", "organization"],
    zh: "新岗位适合您：“{vacancy}”（{organization}），请登录查看。",
    en: 'New vacancy for you: "{vacancy}" ({organization}).',
  },
  "alert.digest": {
    params: ["count"],
    zh: "有 {count} 个新岗位符合您保存的搜索，请登录查看。",
    en: "{count} new vacancies match your saved searches. Sign in to see them.",
  },
  "phone.code": {
    params: ["code"],
    zh: "验证码 {code}，10 分钟内有效。请勿告诉他人，工作人员不会索要。",
    en: "Your code is {code}. It expires in 10 minutes. Do not share it: our staff never ask for it.",
  },
} as const satisfies Record<string, SmsTemplate>;

export type SmsTemplateName = keyof typeof SMS_TEMPLATES;

/** Names the migration's comment uses for the immediate alert. */
const ALIASES: Record<string, SmsTemplateName> = {
  "alert.immediate": "alert.vacancy",
};

/** For a kind with a topic but no text of its own (a kind added later): a plain "you have news". */
const FALLBACK: SmsTemplate = {
  params: [],
  zh: "您有一条新通知，请登录黔程查看。",
  en: "You have a new notification. Sign in to Qiancheng to see it.",
};

/** Values that must never be shortened (a code, a count, a reference). */
const WHOLE = new Set(["code", "count", "reference"]);

export function smsTemplate(name: string): SmsTemplate | null {
  const key = (ALIASES[name] ?? name) as SmsTemplateName;
  return Object.hasOwn(SMS_TEMPLATES, key) ? SMS_TEMPLATES[key] : null;
}

// GSM 03.38: the basic set (one septet) and the extension table (two septets, escape + character).
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
);
const GSM_EXTENSION = new Set("^{}\\[~]|€\f");

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return false;
  return true;
}

/** How much of one segment the text takes: GSM-7 septets out of 160, or UTF-16 code units out of 70. */
export function smsLength(text: string): {
  encoding: "gsm7" | "ucs2";
  length: number;
  limit: number;
} {
  if (isGsm7(text)) {
    let length = 0;
    for (const ch of text) length += GSM_EXTENSION.has(ch) ? 2 : 1;
    return { encoding: "gsm7", length, limit: 160 };
  }
  return { encoding: "ucs2", length: text.length, limit: 70 };
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? values[name]! : m));
}

export interface RenderedSms {
  text: string;
  /** The values in the template's order, as shortened for the text (what a provider's template is sent). */
  params: string[];
}

/**
 * The text of an SMS in the reader's language, one segment long. `status` values are application status codes,
 * shown as the site shows them.
 */
export function renderSms(name: string, raw: Record<string, unknown>, locale: Locale): RenderedSms {
  const template = smsTemplate(name) ?? FALLBACK;
  const lang = locale === "en" ? "en" : "zh";
  const t = translator(locale);
  const values: Record<string, string> = {};
  for (const p of template.params) {
    let v = String(raw[p] ?? "")
      .replace(/\s+/g, " ")
      .trim();
    if (p === "status" && isMessageKey(`applications.status.${v}`)) v = t(`applications.status.${v}` as Parameters<typeof t>[0]);
    values[p] = v;
  }
  const prefix = lang === "zh" ? ZH : EN;
  const render = () => prefix + fill(template[lang], values);
  let text = render();
  for (;;) {
    const { length, limit, encoding } = smsLength(text);
    if (length <= limit) break;
    const longest = template.params.filter((p) => !WHOLE.has(p)).sort((a, b) => Array.from(values[b]!).length - Array.from(values[a]!).length)[0];
    if (!longest) break;
    const marker = encoding === "gsm7" ? "..." : "…";
    const current = values[longest]!;
    const chars = Array.from(current.endsWith(marker) ? current.slice(0, -marker.length) : current);
    // Drop the overflow (at least one character) from the longest value, and make room for the marker.
    const keep = Math.max(1, Math.min(chars.length - 1, chars.length - (length - limit) - (current.endsWith(marker) ? 0 : marker.length)));
    const next = chars.slice(0, keep).join("").trimEnd() + marker;
    if (next.length >= current.length) break;
    values[longest] = next;
    text = render();
  }
  return { text, params: template.params.map((p) => values[p]!) };
}
