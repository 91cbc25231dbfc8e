import { createHmac, randomUUID } from "node:crypto";
import { SnapgateError } from "../../core/errors.js";
import { WebhookContract } from "../contract/webhook-contract.js";
import type { ViolationLog } from "../log/violation-log.js";
import type { SandboxUrls } from "../representations/urls.js";
import { nodeId } from "../representations/urls.js";
import type { PendingDeployment } from "../services/deployment-gates.js";
import type { PushListener } from "../services/ref-writer.js";
import type { AppRecord, WorkflowRunRecord } from "../state/entities.js";
import type { World } from "../state/world.js";
import { PayloadBuilders, type Payload } from "./payload-builders.js";

/** One POST of a webhook to an app, as GitHub's "Recent Deliveries" shows it. */
export interface Delivery {
  /** The X-GitHub-Delivery GUID; a redelivery keeps it. */
  id: string;
  appId: number;
  event: string;
  action: string | null;
  /** The receiver's HTTP status; 0 when it could not be reached. */
  status: number;
  error: string | null;
  redelivery: boolean;
  /** Sent by the sandbox as a side effect (push, workflow_run) rather than by the test. */
  automatic: boolean;
  headers: Record<string, string>;
  /** The exact bytes that were signed and sent. */
  body: string;
  responseBody: string;
  time: Date;
}

function usage(message: string, fix: string): SnapgateError {
  return new SnapgateError("USAGE", message, { fix });
}

/**
 * Signs and POSTs webhooks to apps as GitHub does, keeps every delivery for
 * redelivery, and emits the webhooks GitHub would send on its own: `push`
 * after a ref moves and `workflow_run` when a run completes (to installed
 * apps subscribed to the event; turn off with `sideEffects = false`).
 */
export class WebhookCenter {
  /** Emit push and workflow_run webhooks on their own. */
  sideEffects = true;
  readonly payloads: PayloadBuilders;
  private readonly log: Delivery[] = [];
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly world: World,
    urls: SandboxUrls,
    private readonly contract: WebhookContract,
    private readonly violations: ViolationLog,
  ) {
    this.payloads = new PayloadBuilders(world, urls);
  }

  /** Where an app's webhooks go (an app under test usually starts after createApp). */
  setUrl(appId: number, url: string | null): void {
    this.app(appId).webhookUrl = url;
  }

  get deliveries(): readonly Delivery[] {
    return [...this.log];
  }

  /**
   * POSTs `payload` as event `event` to the app, signed with its secret.
   * The payload must match GitHub's webhook description; `installation` is
   * added when the app is installed on the payload's repository.
   */
  async deliver(appId: number, event: string, payload: Payload): Promise<Delivery> {
    const app = this.app(appId);
    const problems = this.contract.validate(event, payload);
    if (problems.length > 0) {
      throw new SnapgateError(
        "USAGE",
        `The ${WebhookContract.keyOf(event, payload.action)} payload does not match GitHub's webhook description: ${problems.join(" ")}`,
        {
          fix: "Build payloads with gh.webhooks.payloads and change only fields the description allows.",
        },
      );
    }
    return this.post(app, event, this.withInstallation(app, payload), {
      id: randomUUID(),
      redelivery: false,
      automatic: false,
    });
  }

  /** Sends a delivery again with the same GUID and body, as GitHub's redeliver button does. */
  async redeliver(deliveryId: string): Promise<Delivery> {
    const original = this.log.find((delivery) => delivery.id === deliveryId);
    if (!original)
      throw usage(
        `There is no delivery ${deliveryId}.`,
        "Use the id of a Delivery the sandbox returned.",
      );
    const app = this.app(original.appId);
    return this.post(app, original.event, JSON.parse(original.body) as Payload, {
      id: original.id,
      redelivery: true,
      automatic: original.automatic,
    });
  }

  /** Waits for the webhooks the sandbox sent on its own. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Side effect of a ref move. */
  readonly pushed: PushListener = (push) => {
    this.emit("push", push.repo.id, () =>
      this.payloads.push({
        owner: push.repo.owner.login,
        repo: push.repo.name,
        ref: push.ref,
        before: push.before,
        after: push.after,
        pusher: push.pusher.login,
        forced: push.forced,
      }),
    );
  };

  /** Side effect of a run completing. */
  workflowRunCompleted(run: WorkflowRunRecord): void {
    this.emit("workflow_run", run.repo.id, () => this.payloads.workflowRun({ runId: run.id }));
  }

  /**
   * A job waits on a custom deployment protection rule: GitHub asks the rule's
   * app alone, and only when the app is installed on the repository,
   * subscribes to the event and may answer (deployments write).
   */
  protectionRuleRequested(run: WorkflowRunRecord, pending: PendingDeployment): void {
    this.emit(
      "deployment_protection_rule",
      run.repo.id,
      () =>
        this.payloads.deploymentProtectionRule({
          runId: run.id,
          environment: pending.environment,
          deploymentId: pending.deploymentId,
        }),
      (app) => app === pending.app && app.permissions.deployments === "write",
    );
  }

  private emit(
    event: string,
    repoId: number,
    build: () => Promise<Payload>,
    only: (app: AppRecord) => boolean = () => true,
  ): void {
    if (!this.sideEffects) return;
    const repo = this.world.repoById(repoId)!;
    const apps = this.world
      .installationsFor(repo)
      .map((installation) => installation.app)
      .filter((app) => app.events.includes(event) && app.webhookUrl && only(app));
    if (apps.length === 0) return;
    const sandboxBug = (operationId: string, problems: string[]) =>
      this.violations.record({
        kind: "invalid-response",
        method: "POST",
        path: `webhook:${event}`,
        operationId,
        problems,
      });
    const work = (async () => {
      const payload = await build();
      const problems = this.contract.validate(event, payload);
      if (problems.length > 0) {
        sandboxBug(WebhookContract.keyOf(event, payload.action), problems);
        return;
      }
      for (const app of apps) {
        await this.post(app, event, this.withInstallation(app, payload), {
          id: randomUUID(),
          redelivery: false,
          automatic: true,
        });
      }
    })().catch((error: unknown) =>
      sandboxBug(event, [`building the webhook failed: ${String(error)}`]),
    );
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private withInstallation(app: AppRecord, payload: Payload): Payload {
    if (payload.installation) return payload;
    const repository = payload.repository as { id?: number } | undefined;
    const repo = repository?.id !== undefined ? this.world.repoById(repository.id) : undefined;
    const installation = repo
      ? this.world.installationsFor(repo).find((candidate) => candidate.app === app)
      : undefined;
    if (!installation) return payload;
    return {
      ...payload,
      installation: { id: installation.id, node_id: nodeId("I", installation.id) },
    };
  }

  private async post(
    app: AppRecord,
    event: string,
    payload: Payload,
    meta: { id: string; redelivery: boolean; automatic: boolean },
  ): Promise<Delivery> {
    if (!app.webhookUrl) {
      throw usage(
        `App ${app.slug} has no webhook URL.`,
        "Pass webhookUrl to createApp or call webhooks.setUrl.",
      );
    }
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/sandbox",
      "x-github-event": event,
      "x-github-delivery": meta.id,
      "x-github-hook-id": String(app.hookId),
      "x-github-hook-installation-target-id": String(app.id),
      "x-github-hook-installation-target-type": "integration",
      "x-hub-signature": `sha1=${createHmac("sha1", app.webhookSecret).update(body).digest("hex")}`,
      "x-hub-signature-256": `sha256=${createHmac("sha256", app.webhookSecret).update(body).digest("hex")}`,
    };
    const delivery: Delivery = {
      id: meta.id,
      appId: app.id,
      event,
      action: typeof payload.action === "string" ? payload.action : null,
      status: 0,
      error: null,
      redelivery: meta.redelivery,
      automatic: meta.automatic,
      headers,
      body,
      responseBody: "",
      time: new Date(),
    };
    try {
      const response = await fetch(app.webhookUrl, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(10_000),
      });
      delivery.status = response.status;
      delivery.responseBody = await response.text();
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    this.log.push(delivery);
    return delivery;
  }

  private app(appId: number): AppRecord {
    const app = this.world.apps.get(appId);
    if (!app) throw usage(`There is no app ${appId}.`, "Use the appId createApp returned.");
    return app;
  }
}
