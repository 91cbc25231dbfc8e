import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { rewriteRefs } from "./rewrite-refs.js";
import { formatAjvErrors } from "./format-ajv-errors.js";
import { GITHUB_EMAIL_FORMAT } from "./github-email-format.js";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const DOCUMENT_ID = "webhooks.github.com";

interface WebhookDocument {
  webhooks: Record<
    string,
    { post: { requestBody: { content: Record<string, { schema: unknown }> } } }
  >;
  components: Record<string, unknown>;
}

/**
 * Validates webhook payloads against the committed subset of GitHub's
 * webhook description (OpenAPI 3.1, so JSON Schema 2020-12).
 */
export class WebhookContract {
  private readonly document: WebhookDocument;
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(documentPath: URL) {
    this.document = JSON.parse(readFileSync(documentPath, "utf8")) as WebhookDocument;
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat("email", GITHUB_EMAIL_FORMAT);
    this.ajv.addSchema({ components: this.document.components }, DOCUMENT_ID);
  }

  /** The description's key for an event and action: ("pull_request", "opened") -> "pull-request-opened". */
  static keyOf(event: string, action: unknown): string {
    const base = event.replaceAll("_", "-");
    return typeof action === "string" ? `${base}-${action.replaceAll("_", "-")}` : base;
  }

  events(): string[] {
    return Object.keys(this.document.webhooks);
  }

  /** Problems with a payload; an event the subset does not hold is one. */
  validate(event: string, payload: unknown): string[] {
    const action = (payload as { action?: unknown } | null)?.action;
    const key = this.document.webhooks[WebhookContract.keyOf(event, action)]
      ? WebhookContract.keyOf(event, action)
      : WebhookContract.keyOf(event, undefined);
    const webhook = this.document.webhooks[key];
    if (!webhook) {
      return [
        `webhook ${WebhookContract.keyOf(event, action)} is not in the subset: add it to sandbox/openapi/served.json and run sandbox/scripts/extract-openapi.js`,
      ];
    }
    let validate = this.validators.get(key);
    if (!validate) {
      const schema = webhook.post.requestBody.content["application/json"]!.schema;
      validate = this.ajv.compile(rewriteRefs(schema, DOCUMENT_ID) as object);
      this.validators.set(key, validate);
    }
    return validate(payload) ? [] : formatAjvErrors(validate.errors);
  }
}

let shared: WebhookContract | undefined;

export function webhookContract(): WebhookContract {
  shared ??= new WebhookContract(new URL("../openapi/webhooks.subset.json", import.meta.url));
  return shared;
}
