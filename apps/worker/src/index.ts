import { createApp } from "./app.ts";

// The API worker. In production it has no public route: the web worker reaches it through a
// service binding and forwards the visitor's URL unchanged, so the host in the URL is the tenant's.
export default createApp();
