/** Page strings of the counseling area (counseling-followup). English must have every key. */
export const zh = {
} as const;

export const en: Record<keyof typeof zh, string> = {
};
