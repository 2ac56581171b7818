import { describe, expect, it } from "vitest";
import { ZLoginInput } from "./login-input.ts";

describe("ZLoginInput", () => {
  it("accepts an e-mail address as identifier, lower-cased", () => {
    expect(ZLoginInput.parse({ identifier: " Anna@DeLinde.example ", password: "x" })).toEqual({ kind: "email", identifier: "anna@delinde.example", password: "x" });
  });

  it("accepts a login name as identifier", () => {
    expect(ZLoginInput.parse({ identifier: "Anna-Lindenhof-4821", password: "x" })).toEqual({ kind: "loginName", identifier: "anna-lindenhof-4821", password: "x" });
  });

  it("keeps accepting { email, password }", () => {
    expect(ZLoginInput.parse({ email: "joop@delinde.example", password: "x" })).toEqual({ kind: "email", identifier: "joop@delinde.example", password: "x" });
  });

  it.each([
    ["nothing to log in with", { password: "x" }, "identifier"],
    ["an invalid e-mail", { email: "not-an-email", password: "x" }, "email"],
    ["an identifier with an invalid e-mail", { identifier: "anna@", password: "x" }, "identifier"],
    ["no password", { identifier: "anna@delinde.example" }, "password"],
  ])("refuses %s", (_label, input, path) => {
    const result = ZLoginInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([path]);
  });
});
