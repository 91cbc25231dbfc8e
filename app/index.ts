import type { ApplicationFunction, ApplicationFunctionOptions, Context, Probot } from "probot";
import type { AppKey } from "../core/crypto/app-key.js";
import { createDashboardHandler } from "./dashboard/create-dashboard-handler.js";
import type { DashboardSettings } from "./dashboard/dashboard-settings.js";
import type { GateEvent } from "./gate/gate-event.js";
import { openBackupStore } from "./gate/open-backup-store.js";
import { GateRunLedger } from "./gate/gate-run-ledger.js";
import { InstallationClients } from "./gate/installation-clients.js";
import { onCheckRunRerequested } from "./handlers/check-run.js";
import { onCheckSuite } from "./handlers/check-suite.js";
import { onDeploymentProtectionRule } from "./handlers/deployment-protection-rule.js";
import { onIssueComment } from "./handlers/issue-comment.js";
import { onIssueCommentChange } from "./handlers/issue-comment-change.js";
import { onMergeGroup } from "./handlers/merge-group.js";
import { onPullRequest } from "./handlers/pull-request.js";
import { onPush } from "./handlers/push.js";
import { onSnapshotNow } from "./handlers/snapshot-now.js";
import { onWorkflowRun } from "./handlers/workflow-run.js";

export interface SnapgateAppOptions {
  /** The clock decisions use (tests and benchmarks may fix it). */
  now?: () => Date;
  /**
   * Accounts whose backup repositories the gates of other accounts' repositories
   * may use (SNAPGATE_BACKUP_ACCOUNTS). Within one account it is always allowed.
   */
  backupAccounts?: readonly string[];
  /** The app key (SNAPGATE_SIGNING_KEY): signs request records and keys status comments' MAC. */
  signingKey?: AppKey;
  /**
   * Told about each handler's work as it starts. GitHub gets its answer
   * after 9 s (202) while a long handler (a dispatch) goes on: the server
   * uses this to know when it is idle.
   */
  track?: (work: Promise<unknown>) => void;
  /**
   * The dashboard behind GitHub sign-in (docs/app.md), served on Probot's
   * router (addHandler). Without it no dashboard route is added.
   */
  dashboard?: {
    /** undefined: sign-in is not configured; the dashboard's routes say how to configure it. */
    settings: DashboardSettings | undefined;
    /** GitHub's REST root. */
    apiUrl: string;
    /** Signs the dashboard's cookies; the same on every instance. */
    cookieSecret: Buffer;
  };
}

type RepositoryEvent = Context & {
  payload: { repository?: { owner: { login: string }; name: string } };
};

/**
 * The Snapgate App: release gates as check runs, and the same decision for
 * custom deployment protection rules. Each handler reads its event and calls
 * the gate; nothing is kept between events (check runs carry the delivery id).
 */
export function snapgateApp(options: SnapgateAppOptions = {}): ApplicationFunction {
  const now = options.now ?? (() => new Date());
  const backupAccounts = new Set(
    (options.backupAccounts ?? []).map((login) => login.toLowerCase()),
  );
  return (app: Probot, appOptions?: ApplicationFunctionOptions) => {
    const clients = new InstallationClients(app);
    const ledger = new GateRunLedger();
    // The app's own id, from its JWT (no request): check runs are filtered by it.
    let appId: Promise<number> | undefined;
    const ownAppId = (): Promise<number> => {
      appId ??= app
        .auth()
        .then(async (octokit) => ((await octokit.auth({ type: "app" })) as { appId: number }).appId)
        .catch((error: unknown) => {
          appId = undefined;
          throw error;
        });
      return appId;
    };
    const tracked =
      <C>(handler: (context: C) => Promise<void>) =>
      (context: C): Promise<void> => {
        const work = handler(context);
        options.track?.(work);
        return work;
      };
    const eventOf = async (context: Context): Promise<GateEvent> => {
      const repository = (context as RepositoryEvent).payload.repository;
      const owner = repository?.owner.login ?? "";
      return {
        deliveryId: context.id,
        appId: await ownAppId(),
        octokit: context.octokit,
        owner,
        repo: repository?.name ?? "",
        clientFor: (otherOwner, otherRepo) =>
          clients.clientFor(owner, context.octokit, otherOwner, otherRepo),
        backupAccounts,
        now: now(),
        log: context.log,
        ledger,
      };
    };

    const dashboard = options.dashboard;
    if (dashboard && appOptions?.addHandler) {
      appOptions.addHandler(
        createDashboardHandler({
          ...dashboard,
          now,
          log: app.log,
          openSource: async (owner, repo) => {
            const octokit = await clients.clientForRepository(owner, repo);
            const { policy, store, backup } = await openBackupStore({
              deliveryId: "dashboard",
              appId: await ownAppId(),
              octokit,
              owner,
              repo,
              clientFor: (otherOwner, otherRepo) =>
                clients.clientFor(owner, octokit, otherOwner, otherRepo),
              backupAccounts,
              now: now(),
              log: app.log,
              ledger,
            });
            return { policy, store, backup: { owner: backup.owner, repo: backup.repo } };
          },
        }),
      );
    }

    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
      tracked(async (context) => onPullRequest(context, await eventOf(context))),
    );
    app.on(
      "push",
      tracked(async (context) => onPush(context, await eventOf(context))),
    );
    app.on(
      ["check_suite.requested", "check_suite.rerequested"],
      tracked(async (context) => onCheckSuite(context, await eventOf(context))),
    );
    app.on(
      "check_run.rerequested",
      tracked(async (context) => onCheckRunRerequested(context, await eventOf(context))),
    );
    app.on(
      "check_run.requested_action",
      tracked(async (context) => onSnapshotNow(context, await eventOf(context))),
    );
    app.on(
      "merge_group.checks_requested",
      tracked(async (context) => onMergeGroup(context, await eventOf(context))),
    );
    app.on(
      "deployment_protection_rule.requested",
      tracked(async (context) =>
        onDeploymentProtectionRule(context, await eventOf(context), options.signingKey ?? null),
      ),
    );
    app.on(
      "issue_comment.created",
      tracked(async (context) =>
        onIssueComment(context, await eventOf(context), options.signingKey ?? null),
      ),
    );
    app.on(
      "workflow_run.completed",
      tracked(async (context) =>
        onWorkflowRun(context, await eventOf(context), options.signingKey ?? null),
      ),
    );
    app.on(
      ["issue_comment.edited", "issue_comment.deleted"],
      tracked(async (context) =>
        onIssueCommentChange(context, await eventOf(context), options.signingKey ?? null),
      ),
    );
  };
}

export default snapgateApp();
