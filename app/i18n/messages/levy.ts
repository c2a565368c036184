/** Strings of the levy area (issue 5). English must have every key (the type checker enforces it). */
export const zh = {
  "nav.levy.placeholder": "",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "nav.levy.placeholder": "",
};
