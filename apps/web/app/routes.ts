import { index, route, type RouteConfig } from "@react-router/dev/routes";

// Dutch paths: the product speaks Dutch first. One file per page under routes/.
export default [
  index("routes/home.tsx"),
  route("aanmelden", "routes/signup.tsx"),
  route("inloggen", "routes/login.tsx"),
  route("uitloggen", "routes/logout.tsx"),
  route("taal", "routes/language.tsx"),
  route("buurten", "routes/neighbourhoods.tsx"),
  route("buurt/:slug", "routes/feed.tsx"),
  route("robots.txt", "routes/robots.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
