// A post as the feed and its own page show it: what kind, who, when, "bewerkt", "opgelost", the
// safety report's fields, the skills of help offered, and the reactions (buttons for neighbours, plain
// counts for staff). Plain HTML: the reaction buttons post a form to the post's page, which sends the
// reader back to where they pressed.
import { Form, Link } from "react-router";
import { REACTION_EMOJI, REACTION_KINDS, type ReactionKind } from "@buurtplein/core/community/post-kinds";
import { useTranslation } from "../i18n/i18n.ts";
import { formatDateTime, formatWallClock } from "../lib/dates.ts";

export interface CardPost {
  id: string;
  kind: string;
  title: string | null;
  body: string;
  details: { safety?: { where: string; when: string; behaviour: string }; skills?: string[] } | null;
  visibleToCorporation: boolean;
  createdAt: number;
  editedAt: number | null;
  solvedAt: number | null;
  pinnedAt: number | null;
  authorName: string | null;
  authorStreet: string | null;
  replyCount: number;
  reactions: Record<ReactionKind, number>;
  myReaction: ReactionKind | null;
  /** Served at /api/photos/<id> only to readers of the post (metadata removed on upload). */
  photos?: { id: string; alt: string; url: string }[];
}

export function postPath(slug: string, id: string): string {
  return `/buurt/${encodeURIComponent(slug)}/berichten/${encodeURIComponent(id)}`;
}

export function PostMeta({ post, locale }: { post: CardPost; locale: string }) {
  const { t } = useTranslation();
  return (
    <p className="post-meta">
      <span className="badge">{t(`feed.kinds.${post.kind}`, { defaultValue: post.kind })}</span>{" "}
      {post.solvedAt ? <span className="badge solved">{t("posts.solved")}</span> : null}{" "}
      {post.pinnedAt ? <span className="badge pinned">{t("posts.pinned")}</span> : null}{" "}
      <span className="author">{post.authorName ?? t("feed.formerMember")}</span>
      {post.authorStreet ? <span className="street"> · {post.authorStreet}</span> : null} ·{" "}
      <time dateTime={new Date(post.createdAt).toISOString()}>{formatDateTime(post.createdAt, locale, "medium", "short")}</time>
      {post.editedAt ? <span className="edited"> · {t("posts.edited")}</span> : null}
    </p>
  );
}

/** The safety report's where, when and behaviour; the skills of help offered; the post's photos. */
export function PostDetails({ post, locale }: { post: CardPost; locale: string }) {
  const { t } = useTranslation();
  const safety = post.details?.safety;
  const skills = post.details?.skills ?? [];
  const photos = post.photos ?? [];
  return (
    <>
      {photos.length > 0 ? (
        <ul className="post-photos" aria-label={t("media.photo.photos")}>
          {photos.map((photo) => (
            <li key={photo.id}>
              <img src={photo.url} alt={photo.alt || t("media.photo.altMissing")} loading="lazy" decoding="async" />
            </li>
          ))}
        </ul>
      ) : null}
      {safety ? (
        <dl className="safety-details">
          <dt>{t("posts.safety.whereLabel")}</dt>
          <dd>{safety.where}</dd>
          <dt>{t("posts.safety.whenLabel")}</dt>
          <dd>{formatWallClock(safety.when, locale)}</dd>
          <dt>{t("posts.safety.behaviourLabel")}</dt>
          <dd>{safety.behaviour}</dd>
        </dl>
      ) : null}
      {skills.length > 0 ? (
        <p className="skills">
          <span className="visually-hidden">{t("posts.skillsLabel")}: </span>
          {skills.map((skill) => (
            <span key={skill} className="badge skill">
              {t(`posts.skills.${skill}`, { defaultValue: skill })}
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}

/**
 * Reaction buttons (one form; the pressed one is the reader's own) or, for readers who cannot react
 * (staff), the counts as text. Never who reacted.
 */
export function Reactions({ post, slug, canReact, returnTo }: { post: CardPost; slug: string; canReact: boolean; returnTo: string }) {
  const { t } = useTranslation();
  const label = (kind: ReactionKind) => t(`posts.reactionKinds.${kind}`);
  if (!canReact) {
    const given = REACTION_KINDS.filter((kind) => post.reactions[kind] > 0);
    if (given.length === 0) return null;
    return (
      <p className="reaction-counts">
        {given.map((kind) => (
          <span key={kind} className="reaction-count">
            <span aria-hidden="true">{REACTION_EMOJI[kind]}</span> <span className="visually-hidden">{label(kind)}: </span>
            {post.reactions[kind]}
          </span>
        ))}
      </p>
    );
  }
  return (
    <Form method="post" action={postPath(slug, post.id)} className="reactions" aria-label={t("posts.reactionsLabel")}>
      <input type="hidden" name="intent" value="react" />
      <input type="hidden" name="returnTo" value={returnTo} />
      {REACTION_KINDS.map((kind) => (
        <button
          key={kind}
          type="submit"
          name="kind"
          value={kind}
          className="reaction"
          aria-pressed={post.myReaction === kind}
          aria-label={t("posts.reactionCount", { label: label(kind), count: post.reactions[kind] })}
        >
          <span aria-hidden="true">{REACTION_EMOJI[kind]}</span>
          {post.reactions[kind] > 0 ? <span aria-hidden="true">{post.reactions[kind]}</span> : null}
        </button>
      ))}
    </Form>
  );
}

/** One post in the feed: its text, details, reactions and a link to its page with the reply count. */
export function FeedPost({ post, slug, locale, canReact, cursor }: { post: CardPost; slug: string; locale: string; canReact: boolean; cursor?: string | null }) {
  const { t } = useTranslation();
  const path = postPath(slug, post.id);
  return (
    <article className={`post post-${post.kind}${post.solvedAt ? " post-solved" : ""}`} id={`bericht-${post.id}`}>
      <PostMeta post={post} locale={locale} />
      {post.title ? (
        <h3>
          <Link to={path}>{post.title}</Link>
        </h3>
      ) : null}
      <p className="post-body">{post.body}</p>
      <PostDetails post={post} locale={locale} />
      {post.visibleToCorporation && post.kind !== "announcement" ? <p className="shared">{t("feed.sharedLabel")}</p> : null}
      <div className="post-footer">
        <Reactions post={post} slug={slug} canReact={canReact} returnTo={`/buurt/${encodeURIComponent(slug)}${cursor ? `?na=${encodeURIComponent(cursor)}` : ""}#bericht-${post.id}`} />
        <Link className="reply-link" to={`${path}#reacties`}>
          {post.replyCount > 0 ? t("posts.replies", { count: post.replyCount }) : t("posts.reply")}
          {post.title ? null : <span className="visually-hidden"> · {t("posts.open")}</span>}
        </Link>
      </div>
    </article>
  );
}
