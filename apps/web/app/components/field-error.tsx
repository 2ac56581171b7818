/** The message under a form field, tied to it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** The alert above a form; `note` adds a quoted message from a person (e.g. the reviewer) beneath. */
export function FormError({ message, note }: { message: string | undefined | null; note?: { label: string; text: string } | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
      {note ? (
        <figure className="form-error-note">
          <figcaption>{note.label}</figcaption>
          <blockquote>{note.text}</blockquote>
        </figure>
      ) : null}
    </div>
  );
}
