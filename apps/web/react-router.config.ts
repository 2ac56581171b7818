import type { Config } from "@react-router/dev/config";

export default {
  // Server-side rendering on the Worker: every page works without JavaScript.
  ssr: true,
  // `npm start` builds into its data folder (see vite.config.ts); deploys use ./build.
  buildDirectory: process.env.BUURTPLEIN_BUILD_DIR ?? "build",
} satisfies Config;
