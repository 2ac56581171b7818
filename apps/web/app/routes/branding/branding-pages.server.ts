// Shared bits of the branding and sponsor pages: who may use them, and handing an uploaded file from a
// posted form to the API as its raw body (the API checks what it really is).
import type { Viewer } from "../../lib/site-context.ts";

export function viewerIsAdmin(viewer: Viewer | null): boolean {
  return viewer?.user.role === "admin";
}

/** The file of a posted form field, or null when none was chosen. */
export async function uploadedFile(form: FormData, name: string): Promise<{ body: ArrayBuffer; contentType: string } | null> {
  const file = form.get(name);
  if (!file || typeof file === "string" || file.size === 0) return null;
  return { body: await file.arrayBuffer(), contentType: file.type || "application/octet-stream" };
}
