/** The GitHub sandbox: a local stand-in for api.github.com for tests and benchmarks. */
export { startSandbox, type StartSandboxOptions } from "./start-sandbox.js";
export { Sandbox } from "./sandbox.js";
export type { FaultSpec, InjectedFault, ConcurrentRefMove } from "./faults/fault-spec.js";
export type { LoggedRequest } from "./log/request-log.js";
export type { Violation } from "./log/violation-log.js";
export type { Delivery, WebhookCenter } from "./webhooks/webhook-center.js";
export type { FaultInjector } from "./faults/fault-injector.js";
export type { Payload, PayloadBuilders } from "./webhooks/payload-builders.js";
export type { WorkflowRunView } from "./webhooks/workflow-run-view.js";
export type { SandboxLimits } from "./services/sandbox-services.js";
export type * from "./types.js";
