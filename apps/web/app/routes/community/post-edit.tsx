import { useTranslation } from "../../i18n/i18n.ts";
import { data, Form, Link, redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "react-router";
import { SKILL_POST_KINDS, SKILLS, type PostKind } from "@buurtplein/core/community/post-kinds";
import { callApi } from "../../lib/api.server.ts";
import { field, fieldAria, readForm } from "../../lib/forms.ts";
import { fieldErrors } from "../../lib/api-errors.ts";
import { assertTenantSite, requestSiteContext } from "../../lib/site-context.ts";
import { FieldError, FormError } from "../../components/field-error.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { postPath } from "../../components/post-card.tsx";
import { SafetyFields } from "./safety-post.tsx";

// /buurt/:slug/berichten/:id/bewerken — the author changes title, text and what the kind adds (the
// safety report's fields, the skills of help offered). Neighbours then see "bewerkt".

export const meta: MetaFunction = () => [{ title: "Bericht bewerken — Buurtplein" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { site, viewer } = context.get(requestSiteContext);
  assertTenantSite(site);
  if (!viewer) throw redirect("/inloggen");
  const result = await callApi(request, (api) => api.posts[":id"].$get({ param: { id: encodeURIComponent(params.id ?? "") } }));
  if (!result.ok) throw data({ code: result.error?.code }, { status: result.status });
  const { post } = result.data;
  if (!post.mine) throw data({ code: "forbidden" }, { status: 403 });
  return { post };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  if (!context.get(requestSiteContext).viewer) throw redirect("/inloggen");
  const form = await readForm(request);
  const kind = field(form, "kind");
  const values = {
    title: field(form, "title"),
    body: field(form, "body"),
    ...(kind === "safety" ? { safety: { where: field(form, "where"), when: field(form, "when"), behaviour: field(form, "behaviour") } } : {}),
    ...(SKILL_POST_KINDS.includes(kind as PostKind) ? { skills: form.getAll("skills").filter((value): value is string => typeof value === "string") } : {}),
  };
  const result = await callApi(request, (api) => api.posts[":id"].$patch({ param: { id: encodeURIComponent(params.id ?? "") } }), { json: values });
  if (result.ok) throw redirect(`${postPath(params.slug ?? "", params.id ?? "")}?gedaan=saved`);
  return data({ values, error: result.error?.message ?? null, fields: fieldErrors(result.error?.details) }, { status: result.status });
}

export default function EditPost() {
  const { post } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const fields = result?.fields ?? {};
  const values = result?.values;
  const safety = values?.safety ?? post.details?.safety;
  const skills = values?.skills ?? post.details?.skills ?? [];
  return (
    <section className="card">
      <h1>{t("posts.editTitle")}</h1>
      <p>{t("posts.editIntro")}</p>
      <FormError message={result?.error} />
      <Form method="post" className="form">
        <input type="hidden" name="kind" value={post.kind} />
        <label htmlFor="title">{t("feed.postTitle")}</label>
        <input id="title" name="title" maxLength={120} defaultValue={values?.title ?? post.title ?? ""} {...fieldAria(fields, "title")} />
        <FieldError id="title-error" message={fields.title} />
        <label htmlFor="body">{post.kind === "safety" ? t("posts.safety.what") : t("feed.body")}</label>
        <textarea id="body" name="body" rows={6} required maxLength={5000} defaultValue={values?.body ?? post.body} {...fieldAria(fields, "body")} />
        <FieldError id="body-error" message={fields.body} />
        {post.kind === "safety" ? <SafetyFields values={safety} fields={fields} /> : null}
        {SKILL_POST_KINDS.includes(post.kind as PostKind) ? (
          <fieldset className="choices">
            <legend>{t("posts.skillsLegend")}</legend>
            {SKILLS.map((skill) => (
              <label key={skill} className="choice">
                <input type="checkbox" name="skills" value={skill} defaultChecked={(skills as string[]).includes(skill)} />
                {t(`posts.skills.${skill}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <SubmitButton label={t("posts.save")} />
      </Form>
      <p>
        <Link to={postPath(post.neighbourhood.slug, post.id)}>{t("posts.cancel")}</Link>
      </p>
    </section>
  );
}
