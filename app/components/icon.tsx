import type { IconName } from "~/domain/catalog";

/** General icons used beside the catalog's accessibility icons, and the easy-read pages' pictures. */
export type ExtraIconName =
  | "check"
  | "cross"
  | "place"
  | "money"
  | "calendar"
  | "info"
  | "menu"
  | "user"
  | "globe"
  | "bell"
  | "chevron"
  | "search"
  | "building"
  | "pen"
  | "person"
  | "phone"
  | "back"
  | "ticket"
  | "list";

export type AnyIconName = IconName | ExtraIconName;

/*
 * Small line drawings on a 24×24 grid (the inside of an <svg viewBox="0 0 24 24"> drawn with a 2-unit round stroke
 * and no fill unless a shape says fill). They are not sent with the page: scripts/icons-css.tsx turns this table into
 * app/styles/icons.css, one `.i-NAME` mask each, and an icon is an empty <span> painted in the text colour through
 * its mask (so it follows high contrast and forced colours). They are always decorative: the words beside them carry
 * the meaning, so every icon is aria-hidden and never stands alone. After changing the table, run `npm run icons:css`
 * (a unit test fails while the stylesheet is out of date).
 */
export const PATHS: Record<AnyIconName, string> = {
  access: `<circle cx="11" cy="4" r="2"/><path d="M11 7v6h5l3 5"/><path d="M11 10h5"/><path d="M8 10.5a6 6 0 1 0 7.5 7.5"/>`,
  toilet: `<path d="M7 3h5v7H7z"/><path d="M5 10h14c0 4-3 7-7 7h-1l1 4H8l1-4.5C6.5 15.5 5 13 5 10z"/>`,
  elevator: `<rect x="4" y="3" width="16" height="18" rx="2"/><path d="M9 10l3-3 3 3"/><path d="M9 14l3 3 3-3"/>`,
  parking: `<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M9 17V7h4a3 3 0 0 1 0 6H9"/>`,
  transport: `<rect x="4" y="3" width="16" height="14" rx="2"/><path d="M4 11h16"/><path d="M7 17v3M17 17v3"/><circle cx="8" cy="14" r="0.5"/><circle cx="16" cy="14" r="0.5"/>`,
  screen: `<rect x="3" y="4" width="18" height="12" rx="1"/><path d="M8 20h8M12 16v4"/><path d="M8 10h3M14 10h2"/>`,
  magnifier: `<circle cx="10" cy="10" r="6"/><path d="M15 15l6 6"/><path d="M10 7v6M7 10h6"/>`,
  braille:
    `<circle cx="8" cy="5" r="2" fill="currentColor"/><circle cx="16" cy="5" r="2"/><circle cx="8" cy="12" r="2" fill="currentColor"/>` +
    `<circle cx="16" cy="12" r="2" fill="currentColor"/><circle cx="8" cy="19" r="2"/><circle cx="16" cy="19" r="2" fill="currentColor"/>`,
  sign:
    `<path d="M7 12V5.5a1.5 1.5 0 0 1 3 0V11"/><path d="M10 10.5V4a1.5 1.5 0 0 1 3 0v6.5"/><path d="M13 10.5V5.5a1.5 1.5 0 0 1 3 0V11"/>` +
    `<path d="M16 10a1.5 1.5 0 0 1 3 0v4a7 7 0 0 1-7 7h-.5a6 6 0 0 1-5-2.7L4 14.5a1.5 1.5 0 0 1 2.5-1.7L7 14"/>`,
  captions: `<rect x="2" y="5" width="20" height="14" rx="2"/><path d="M10.5 10a2.5 2.5 0 1 0 0 4"/><path d="M17.5 10a2.5 2.5 0 1 0 0 4"/>`,
  chat: `<path d="M4 4h16v12H9l-5 4z"/><path d="M8 9h8M8 12h5"/>`,
  hearing: `<path d="M6 9a6 6 0 1 1 12 0c0 3-2 4-3 5.5S14 18 12 19.5a3 3 0 0 1-4.5-1"/><path d="M9 9a3 3 0 0 1 6 0c0 1.5-1.5 2-1.5 3"/>`,
  clock: `<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  // Part-time: a clock with a short stretch of the day filled in (flexible hours is the plain clock).
  halfDay: `<circle cx="12" cy="12" r="9"/><path d="M12 12V3a9 9 0 0 1 7.8 13.5z" fill="currentColor"/>`,
  home: `<path d="M3 11l9-8 9 8"/><path d="M5 10v10h14V10"/><path d="M10 20v-6h4v6"/>`,
  rest: `<path d="M4 9h13v5a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5z"/><path d="M17 10h1.5a2.5 2.5 0 0 1 0 5H17"/><path d="M8 3v3M12 3v3"/>`,
  quiet: `<path d="M4 9h4l5-4v14l-5-4H4z"/><path d="M16 9l5 6M21 9l-5 6"/>`,
  tools: `<path d="M14.5 3.5a5 5 0 0 0-4.6 6.9L3 17.3 6.7 21l6.9-6.9a5 5 0 0 0 6.9-4.6l-3 1-3.5-3.5z"/>`,
  coach: `<circle cx="8" cy="7" r="3"/><circle cx="17" cy="9" r="2.5"/><path d="M2 20a6 6 0 0 1 12 0"/><path d="M14 20a4 4 0 0 1 8 0"/>`,
  simple: `<path d="M6 3h9l4 4v14H6z"/><path d="M9 10h7M9 14h7M9 18h4"/>`,
  bed: `<path d="M3 5v15M3 16h18v4"/><path d="M21 16v-3a3 3 0 0 0-3-3h-8v6"/><circle cx="6.5" cy="12.5" r="2"/>`,
  cross: `<path d="M6 6l12 12M18 6L6 18"/>`,
  check: `<path d="M4 12.5l5 5L20 6.5"/>`,
  place: `<path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>`,
  money: `<circle cx="12" cy="12" r="9"/><path d="M8.5 7l3.5 5 3.5-5M12 12v5.5M9 12.5h6M9 15h6"/>`,
  calendar: `<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>`,
  info: `<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.5"/>`,
  menu: `<path d="M4 6h16M4 12h16M4 18h16"/>`,
  user: `<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>`,
  globe: `<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z"/>`,
  bell: `<path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z"/><path d="M10 20a2 2 0 0 0 4 0"/>`,
  chevron: `<path d="M6 9l6 6 6-6"/>`,
  // The easy-read pages' pictures.
  search: `<circle cx="10" cy="10" r="6"/><path d="M15 15l6 6"/>`,
  building: `<path d="M4 21V4h10v17"/><path d="M14 9h6v12"/><path d="M2 21h20"/><path d="M7 8h4M7 12h4M7 16h4M17 13h1M17 17h1"/>`,
  pen: `<path d="M4 20l1-5L16 4l4 4L9 19z"/><path d="M13.5 6.5l4 4"/>`,
  person: `<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>`,
  phone: `<path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z"/>`,
  back: `<path d="M19 12H5M11 6l-6 6 6 6"/>`,
  ticket: `<path d="M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4z"/><path d="M14 7v10" stroke-dasharray="2 2"/>`,
  list: `<path d="M8 6h13M8 12h13M8 18h13M3 6h1M3 12h1M3 18h1"/>`,
};

/**
 * A decorative icon beside words (never alone): an empty, aria-hidden <span> that app/styles/icons.css paints (1.25em
 * square, in the text colour). `className` adds to that: a size utility (h-7 w-7) overrides the default size.
 */
export function Icon({ name, className }: { name: AnyIconName; className?: string }) {
  return <span aria-hidden="true" className={className ? `icon i-${name} ${className}` : `icon i-${name}`} />;
}
