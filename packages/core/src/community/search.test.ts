import { describe, expect, it } from "vitest";
import { escapeSnippetText, SNIPPET_END, SNIPPET_START, snippetHtml, snippetParts, toFtsQuery } from "./search.ts";

const hit = (text: string) => `${SNIPPET_START}${text}${SNIPPET_END}`;

describe("toFtsQuery", () => {
  it("searches every word as a quoted prefix, lower case, without FTS syntax of the user's", () => {
    expect(toFtsQuery("Café  Buurthuis")).toBe('"café"* "buurthuis"*');
    expect(toFtsQuery('cafe" OR body:* NEAR(')).toBe('"cafe"* "or"* "body"* "near"*');
    expect(toFtsQuery("moestuin moestuin")).toBe('"moestuin"*');
  });

  it("has nothing to search for in punctuation or emptiness", () => {
    expect(toFtsQuery("")).toBeNull();
    expect(toFtsQuery(' "*:() ')).toBeNull();
  });

  it("searches at most 8 words", () => {
    expect(toFtsQuery("a b c d e f g h i j")!.split(" ")).toHaveLength(8);
  });
});

describe("snippets", () => {
  it("puts matches in <mark> and escapes everything, matches included", () => {
    const raw = `Koffie in het ${hit("café")} <script>alert("x")</script> & ${hit("<b>cafe</b>")}`;
    expect(snippetHtml(raw)).toBe(
      "Koffie in het <mark>café</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>&lt;b&gt;cafe&lt;/b&gt;</mark>",
    );
  });

  it("drops stray markers a text could contain, so marks always pair up", () => {
    expect(snippetParts(`a${SNIPPET_END}b${hit("c")}${SNIPPET_START}`)).toEqual([
      { text: "ab", hit: false },
      { text: "c", hit: true },
    ]);
    expect(snippetHtml(`${SNIPPET_START}open`)).toBe("<mark>open</mark>");
  });

  it("escapes quotes and ampersands for attributes too", () => {
    expect(escapeSnippetText(`"'&<>`)).toBe("&quot;&#39;&amp;&lt;&gt;");
  });
});
