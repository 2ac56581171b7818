import { useEffect, useState } from "react";
import { checkColourContrast, contrastMessage, HEX_COLOUR, MIN_TEXT_CONTRAST, weakestContrast, type BrandColour } from "@buurtplein/core/branding/colour-contrast";
import { useTranslation } from "../../i18n/i18n.ts";
import { FieldError } from "../../components/field-error.tsx";

/**
 * A colour field (#rrggbb) with its contrast check. Without JavaScript the server's answer is the truth
 * (its message shows under the field); with it, the same rule from core runs on every keystroke and
 * says at once whether text on the colour is readable, with a passing shade to take over.
 */
export function ColourField({ name, label, hint, defaultValue, serverError }: { name: BrandColour; label: string; hint: string; defaultValue: string; serverError?: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(defaultValue);
  const [edited, setEdited] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const normalised = value.trim().toLowerCase();
  const wellFormed = HEX_COLOUR.test(normalised);
  const failure = wellFormed ? checkColourContrast(name, normalised) : null;
  let live: { text: string; ok: boolean } | null = null;
  if (edited) {
    if (!wellFormed) live = { text: t("branding.contrast.format"), ok: false };
    else if (failure) {
      const message = contrastMessage(failure);
      live = { text: t(message.key, message.params), ok: false };
    } else live = { text: t("branding.contrast.passes", { ratio: weakestContrast(name, normalised).ratio.toFixed(2), required: MIN_TEXT_CONTRAST.toFixed(1) }), ok: true };
  }
  const error = live ? (live.ok ? undefined : live.text) : serverError;
  const describedBy = [`${name}-hint`, error ? `${name}-error` : null, live?.ok ? `${name}-ok` : null].filter(Boolean).join(" ");

  return (
    <div className="colour-field">
      <label htmlFor={name}>{label}</label>
      <p className="hint" id={`${name}-hint`}>
        {hint}
      </p>
      <div className="colour-row">
        <input
          id={name}
          name={name}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setEdited(true);
          }}
          pattern="#[0-9a-fA-F]{6}"
          maxLength={7}
          autoComplete="off"
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {hydrated ? (
          <input
            type="color"
            className="colour-picker"
            aria-label={t("branding.settings.swatch", { colour: label })}
            value={wellFormed ? normalised : "#000000"}
            onChange={(event) => {
              setValue(event.target.value);
              setEdited(true);
            }}
          />
        ) : null}
      </div>
      <div aria-live="polite">
        {live?.ok ? (
          <p className="field-ok" id={`${name}-ok`}>
            {live.text}
          </p>
        ) : null}
        <FieldError id={`${name}-error`} message={error} />
      </div>
      {live && !live.ok && failure?.suggestion ? (
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            setValue(failure.suggestion!);
            setEdited(true);
          }}
        >
          {t("branding.contrast.useSuggestion", { colour: failure.suggestion })}
        </button>
      ) : null}
    </div>
  );
}
