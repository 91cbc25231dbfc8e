import { isoTime, nodeId } from "../representations/urls.js";
import type { AppRecord, CheckRunRecord, CheckSuiteRecord } from "../state/entities.js";
import type { World } from "../state/world.js";
import {
  connection,
  requireRepoPermission,
  type GraphqlContext,
  type ObjectSource,
  type Resolver,
} from "./sources.js";

interface CheckSuiteSource {
  __typename: "CheckSuite";
  suite: CheckSuiteRecord;
}

interface CheckRunSource {
  __typename: "CheckRun";
  run: CheckRunRecord;
}

interface AnnotationSource {
  __typename: "CheckAnnotation";
  /** As the REST API took it: path, start_line, end_line, annotation_level, message, title... */
  annotation: Record<string, unknown>;
}

interface AppSource {
  __typename: "App";
  app: AppRecord;
}

interface PageArgs {
  first?: number | null;
  last?: number | null;
}

interface CheckSuiteFilter {
  appId?: number | null;
  checkName?: string | null;
}

interface CheckRunFilter {
  appId?: number | null;
  checkName?: string | null;
  checkType?: "ALL" | "LATEST" | null;
  status?: string | null;
  statuses?: string[] | null;
  conclusions?: string[] | null;
}

function runsOf(world: World, suite: CheckSuiteRecord): CheckRunRecord[] {
  return [...world.checkRuns.values()]
    .filter((run) => run.suite === suite)
    .sort((a, b) => a.id - b.id);
}

/** GitHub's GraphQL enums are the REST values in upper case. */
function upper(value: string | null): string | null {
  return value === null ? null : value.toUpperCase();
}

/** `Commit.checkSuites`: the check suites of the commit, one per app (needs checks read). */
export function commitCheckSuites(
  source: ObjectSource,
  args: PageArgs & { filterBy?: CheckSuiteFilter | null },
  context: GraphqlContext,
): { nodes: CheckSuiteSource[]; totalCount: number } {
  requireRepoPermission(context, source.repo, "checks");
  const { world } = context.services;
  const appId = args.filterBy?.appId ?? null;
  const checkName = args.filterBy?.checkName ?? null;
  const suites = [...world.checkSuites.values()]
    .filter(
      (suite) =>
        suite.repo === source.repo &&
        suite.headSha === source.oid &&
        (appId === null || suite.app.id === appId) &&
        (checkName === null || runsOf(world, suite).some((run) => run.name === checkName)),
    )
    .sort((a, b) => a.id - b.id)
    .map((suite): CheckSuiteSource => ({ __typename: "CheckSuite", suite }));
  return connection(suites, args, "checkSuites");
}

function suiteStatus(runs: CheckRunRecord[]): { status: string; conclusion: string | null } {
  if (runs.length === 0) return { status: "QUEUED", conclusion: null };
  if (!runs.every((run) => run.status === "completed"))
    return { status: "IN_PROGRESS", conclusion: null };
  return {
    status: "COMPLETED",
    conclusion: runs.some((run) => run.conclusion === "failure") ? "FAILURE" : "SUCCESS",
  };
}

/** CheckSuite, CheckRun and App fields, and their connections. */
export const checkResolvers: Record<string, Record<string, Resolver>> = {
  CheckSuiteConnection: {
    nodes: ((source: { nodes: unknown[] }) => source.nodes) as Resolver,
    totalCount: ((source: { totalCount: number }) => source.totalCount) as Resolver,
  },
  CheckSuite: {
    id: ((source: CheckSuiteSource) => nodeId("CS", source.suite.id)) as Resolver,
    databaseId: ((source: CheckSuiteSource) => source.suite.id) as Resolver,
    createdAt: ((source: CheckSuiteSource) => isoTime(source.suite.createdAt)) as Resolver,
    updatedAt: ((source: CheckSuiteSource) => isoTime(source.suite.updatedAt)) as Resolver,
    status: ((source: CheckSuiteSource, _args: unknown, context: GraphqlContext) =>
      suiteStatus(runsOf(context.services.world, source.suite)).status) as Resolver,
    conclusion: ((source: CheckSuiteSource, _args: unknown, context: GraphqlContext) =>
      suiteStatus(runsOf(context.services.world, source.suite)).conclusion) as Resolver,
    app: ((source: CheckSuiteSource): AppSource => ({
      __typename: "App",
      app: source.suite.app,
    })) as Resolver,
    checkRuns: ((
      source: CheckSuiteSource,
      args: PageArgs & { filterBy?: CheckRunFilter | null },
      context: GraphqlContext,
    ) => {
      const filter = args.filterBy ?? {};
      if (
        filter.appId !== undefined &&
        filter.appId !== null &&
        filter.appId !== source.suite.app.id
      )
        return connection([], args, "checkRuns");
      let runs = runsOf(context.services.world, source.suite).filter(
        (run) =>
          (filter.checkName == null || run.name === filter.checkName) &&
          (filter.status == null || upper(run.status) === filter.status) &&
          (filter.statuses == null || filter.statuses.includes(upper(run.status)!)) &&
          (filter.conclusions == null ||
            (run.conclusion !== null && filter.conclusions.includes(upper(run.conclusion)!))),
      );
      if (filter.checkType === "LATEST") {
        const newest = new Map<string, CheckRunRecord>();
        for (const run of runs) newest.set(run.name, run);
        runs = [...newest.values()].sort((a, b) => a.id - b.id);
      }
      return connection(
        runs.map((run): CheckRunSource => ({ __typename: "CheckRun", run })),
        args,
        "checkRuns",
      );
    }) as Resolver,
  },
  CheckRunConnection: {
    nodes: ((source: { nodes: unknown[] }) => source.nodes) as Resolver,
    totalCount: ((source: { totalCount: number }) => source.totalCount) as Resolver,
  },
  CheckRun: {
    id: ((source: CheckRunSource) => nodeId("CR", source.run.id)) as Resolver,
    databaseId: ((source: CheckRunSource) => source.run.id) as Resolver,
    name: ((source: CheckRunSource) => source.run.name) as Resolver,
    status: ((source: CheckRunSource) => upper(source.run.status)) as Resolver,
    conclusion: ((source: CheckRunSource) => upper(source.run.conclusion)) as Resolver,
    externalId: ((source: CheckRunSource) => source.run.externalId) as Resolver,
    detailsUrl: ((source: CheckRunSource) => source.run.detailsUrl) as Resolver,
    startedAt: ((source: CheckRunSource) => isoTime(source.run.startedAt)) as Resolver,
    completedAt: ((source: CheckRunSource) =>
      source.run.completedAt ? isoTime(source.run.completedAt) : null) as Resolver,
    title: ((source: CheckRunSource) => source.run.output.title) as Resolver,
    summary: ((source: CheckRunSource) => source.run.output.summary) as Resolver,
    text: ((source: CheckRunSource) => source.run.output.text) as Resolver,
    annotations: ((source: CheckRunSource, args: PageArgs) =>
      connection(
        source.run.output.annotations.map((annotation): AnnotationSource => ({
          __typename: "CheckAnnotation",
          annotation,
        })),
        args,
        "annotations",
      )) as Resolver,
  },
  CheckAnnotationConnection: {
    nodes: ((source: { nodes: unknown[] }) => source.nodes) as Resolver,
    totalCount: ((source: { totalCount: number }) => source.totalCount) as Resolver,
  },
  CheckAnnotation: {
    path: ((source: AnnotationSource) => String(source.annotation["path"])) as Resolver,
    title: ((source: AnnotationSource) => source.annotation["title"] ?? null) as Resolver,
    message: ((source: AnnotationSource) => String(source.annotation["message"])) as Resolver,
    rawDetails: ((source: AnnotationSource) =>
      source.annotation["raw_details"] ?? null) as Resolver,
    annotationLevel: ((source: AnnotationSource) =>
      upper(String(source.annotation["annotation_level"]))) as Resolver,
    location: ((source: AnnotationSource) => ({
      start: {
        line: source.annotation["start_line"],
        column: source.annotation["start_column"] ?? null,
      },
      end: {
        line: source.annotation["end_line"],
        column: source.annotation["end_column"] ?? null,
      },
    })) as Resolver,
  },
  CheckAnnotationSpan: {
    start: ((source: { start: unknown }) => source.start) as Resolver,
    end: ((source: { end: unknown }) => source.end) as Resolver,
  },
  CheckAnnotationPosition: {
    line: ((source: { line: number }) => source.line) as Resolver,
    column: ((source: { column: number | null }) => source.column) as Resolver,
  },
  App: {
    id: ((source: AppSource) => nodeId("A", source.app.id)) as Resolver,
    databaseId: ((source: AppSource) => source.app.id) as Resolver,
    slug: ((source: AppSource) => source.app.slug) as Resolver,
    name: ((source: AppSource) => source.app.name) as Resolver,
  },
};
