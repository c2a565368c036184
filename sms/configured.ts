/** The SMS adapter this process uses, chosen by SMS_PROVIDER: log (the default) or tencent. */
import { LogSmsSender } from "./log-sender";
import type { SmsSender } from "./sender";
import { TencentSmsSender, tencentConfigFromEnv } from "./tencent";

let current: SmsSender | null = null;

export function createSmsSender(env: NodeJS.ProcessEnv = process.env): SmsSender {
  const provider = env.SMS_PROVIDER || "log";
  if (provider === "log") return new LogSmsSender(env.SMS_LOG || "data/sms.log");
  if (provider === "tencent") return new TencentSmsSender(tencentConfigFromEnv(env));
  throw new Error(`SMS_PROVIDER must be "log" or "tencent" (got "${provider}")`);
}

export function getSmsSender(): SmsSender {
  current ??= createSmsSender();
  return current;
}

/** Tests put their own sender in place (a LogSmsSender writing to a temporary file); null goes back to the environment's. */
export function setSmsSender(sender: SmsSender | null): void {
  current = sender;
}
