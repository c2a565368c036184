/**
 * Sending an SMS (issue 17): one interface, a log adapter as the default (sms/log-sender.ts) and one provider
 * adapter (Tencent Cloud SMS, sms/tencent.ts), chosen by SMS_PROVIDER (sms/configured.ts).
 */
export interface SmsMessage {
  /** Mainland mobile number as the site stores it (11 digits), or E.164 (+86…). */
  phone: string;
  /** The whole text as the recipient reads it, signature included (the log adapter writes it; providers check it). */
  text: string;
  /** The template's name (sms/templates.ts): providers send pre-approved templates by their own id. */
  template?: string;
  /** The template's values in the template's order (a provider's template numbers its blanks {1}, {2}…). */
  params?: string[];
}

export interface SmsSender {
  /** Which adapter, for logs. */
  readonly kind: string;
  /** Resolves with the provider's id of the message; rejects when the provider did not accept it. */
  send(message: SmsMessage): Promise<{ id: string }>;
}
