import type { RouteDefinition } from "../http/route.js";
import { actionRoutes } from "./action-routes.js";
import { appRoutes } from "./app-routes.js";
import { checkRoutes } from "./check-routes.js";
import { environmentRoutes } from "./environment-routes.js";
import { secretRoutes } from "./secret-routes.js";
import { contentsRoutes } from "./contents-routes.js";
import { gitDataRoutes } from "./git-data-routes.js";
import { issueRoutes } from "./issue-routes.js";
import { membershipRoutes } from "./membership-routes.js";
import { repositoryRoutes } from "./repository-routes.js";
import { rulesetRoutes } from "./ruleset-routes.js";
import { userRoutes } from "./user-routes.js";

/** Every REST operation the sandbox serves (sandbox/openapi/served.json lists the same ids). */
export const allRoutes: readonly RouteDefinition[] = [
  ...repositoryRoutes,
  ...userRoutes,
  ...gitDataRoutes,
  ...contentsRoutes,
  ...appRoutes,
  ...checkRoutes,
  ...issueRoutes,
  ...membershipRoutes,
  ...actionRoutes,
  ...environmentRoutes,
  ...secretRoutes,
  ...rulesetRoutes,
];
