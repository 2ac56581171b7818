// Residents without e-mail log in with a generated name they can write down: "anna-lindenhof-4821".
import { generateRandomCharacters } from "./random-characters.ts";

function toAsciiWord(text: string, maxLength: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}

/** First name + neighbourhood + 4 random digits (no 0 or 1, which look like O, I and L). */
export function generateLoginName(input: { displayName: string; neighbourhoodSlug: string }): string {
  const firstName = toAsciiWord(input.displayName.trim().split(/\s+/)[0] ?? "", 20) || "buur";
  const neighbourhood = toAsciiWord(input.neighbourhoodSlug, 30) || "buurt";
  return `${firstName}-${neighbourhood}-${generateRandomCharacters(4, "23456789")}`;
}
