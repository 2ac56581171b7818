import { Fragment } from "react";
import { formatDateTime } from "../../lib/dates.ts";
import { useTranslation } from "../../i18n/i18n.ts";
import { data, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { callApi } from "../../lib/api.server.ts";
import { requestSiteContext } from "../../lib/site-context.ts";
import { devToolsEnabled } from "../../lib/dev-tools.server.ts";

// /dev/mail — the dev mailbox: e-mails Buurtplein "sent" on this machine (development and test only;
// 404 elsewhere). Every host shows only its own e-mails: a corporation's address that corporation's,
// the apex only the platform's own (never a corporation's login links).

export const meta: MetaFunction = () => [{ title: "Dev-mailbox — Buurtplein" }, { name: "robots", content: "noindex, nofollow" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!devToolsEnabled()) throw data({ code: "not_found" }, { status: 404 });
  const result = await callApi(request, (api) => api.dev.mail.$get());
  if (!result.ok) throw data({ code: result.error?.code ?? "not_found" }, { status: result.status });
  return { mail: result.data.mail, locale: context.get(requestSiteContext).locale };
}

/** Plain text with its web addresses made clickable. */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default function DevMailbox() {
  const { mail, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = { format: (timestamp: number) => formatDateTime(timestamp, locale, "medium", "medium") };
  return (
    <section>
      <h1>{t("access.devMail.title")}</h1>
      <p>{t("access.devMail.intro")}</p>
      {mail.length === 0 ? (
        <p className="empty">{t("access.devMail.empty")}</p>
      ) : (
        <ol className="dev-mail">
          {mail.map((message) => (
            <li key={message.id}>
              <details className="card">
                <summary>
                  <span className="dev-mail-subject">{message.subject}</span>
                  <span className="dev-mail-meta">
                    {t("access.devMail.to")}: {message.to} · <time dateTime={new Date(message.createdAt).toISOString()}>{format.format(message.createdAt)}</time>
                  </span>
                </summary>
                <div className="dev-mail-text">
                  <Linked text={message.text} />
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
