/** Page strings of recruitment events (events-public). English must have every key. */
export const zh = {
} as const;

export const en: Record<keyof typeof zh, string> = {
};
