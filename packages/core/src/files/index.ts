// Uploaded files: which image an upload really is (by its bytes), and the size limit.
export * from "./image-type.ts";
export * from "./strip-metadata.ts";
