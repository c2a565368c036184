import { useRouteLoaderData } from "@remix-run/react";

export interface DisplayModes {
  largeText: boolean;
  highContrast: boolean;
  /** 易读 mode: pages with an easy-read form render it instead (short sentences, one idea per line, icons with words). */
  easyRead: boolean;
}

const NONE: DisplayModes = { largeText: false, highContrast: false, easyRead: false };

/** The visitor's display modes, from the root loader (cookie, or the account's saved choice). */
export function useDisplay(): DisplayModes {
  const data = useRouteLoaderData<{ display: DisplayModes }>("root");
  return data?.display ?? NONE;
}
