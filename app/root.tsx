import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "../db/database";
import { Shell, type ShellUser } from "./components/layout";
import { unreadCount } from "./domain/notifications/notifications.server";
import { useNonce } from "./components/nonce";
import { DEFAULT_LOCALE, translator, type Locale } from "./i18n/i18n";
import { useI18n } from "./i18n/use-i18n";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const t = translator(data?.locale ?? DEFAULT_LOCALE);
  if (!error) return [{ title: t("site.name") }, { name: "description", content: t("site.description") }];
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return [{ title: `${t(notFound ? "error.notFound.title" : "error.general.title")} - ${t("site.titleSuffix")}` }];
};

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.auth?.user;
  const shellUser: ShellUser | null = user
    ? {
        id: user.id,
        role: user.role,
        name: user.displayName ?? user.phone ?? user.email ?? "",
        unread: await unreadCount(await getDb(), user.id),
      }
    : null;
  return { locale: context.locale, display: context.display, user: shellUser };
}

type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const nonce = useNonce();
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const display = data?.display ?? { largeText: false, highContrast: false, easyRead: false };
  const className = [display.largeText ? "large-text" : "", display.highContrast ? "high-contrast" : "", display.easyRead ? "easy-read" : ""].filter(Boolean).join(" ");
  return (
    <html lang={locale} className={className || undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Shell user={data?.user ?? null} display={display}>
          {children}
        </Shell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const notFound = status === 404;
  return (
    <>
      <h1 className="page-title">{t(notFound ? "error.notFound.title" : "error.general.title")}</h1>
      <p className="mb-4">{t(notFound ? "error.notFound.text" : "error.general.text")}</p>
      <p className="mb-4 text-muted">{t("error.status", { status })}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </>
  );
}
