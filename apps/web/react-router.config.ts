import type { Config } from "@react-router/dev/config";

export default {
  // Server-side rendering on the Worker: every page works without JavaScript.
  ssr: true,
} satisfies Config;
