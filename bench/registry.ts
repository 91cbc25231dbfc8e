import type { Bench } from "./bench.js";
import { corpusBench } from "./benches/corpus-bench.js";
import { localStoreBench } from "./benches/local-store-bench.js";
import { catalogSearchBench } from "./benches/catalog-search-bench.js";
import { githubStoreBench } from "./benches/github-store-bench.js";
import { appGateBench } from "./benches/app-gate-bench.js";
import { dashboardBench } from "./benches/dashboard-bench.js";

/** Every benchmark `npm run bench` runs, in this order. Register new ones here. */
export const benches: readonly Bench[] = [
  corpusBench,
  localStoreBench,
  catalogSearchBench,
  githubStoreBench,
  appGateBench,
  dashboardBench,
];
