/** The server holds both catalogs. Imported for its effect by every server entry (the app, server/pages.ts, CLIs, tests). */
import { en } from "./en";
import { registerCatalog } from "./i18n";
import { zhCN } from "./zh-CN";

registerCatalog("zh-CN", zhCN);
registerCatalog("en", en);
