import { readFileSync } from "node:fs";

const allowed = new Map<string, ReadonlySet<string>>();

/**
 * The event names GitHub's webhook description lets `check_suite.app.events`
 * hold. It is a closed list (unlike the app's events anywhere else) that
 * lacks newer events such as `deployment_protection_rule`, so the sandbox
 * leaves those out of that one field rather than send a payload the
 * description refuses. The list differs per action (requested has
 * merge_group, rerequested does not).
 */
export function checkSuiteAppEvents(action: "requested" | "rerequested"): ReadonlySet<string> {
  let events = allowed.get(action);
  if (!events) {
    const description = JSON.parse(
      readFileSync(new URL("../openapi/webhooks.subset.json", import.meta.url), "utf8"),
    ) as {
      components: {
        schemas: Record<
          string,
          {
            properties: {
              check_suite: {
                properties: { app: { properties: { events: { items: { enum: string[] } } } } };
              };
            };
          }
        >;
      };
    };
    const schema = description.components.schemas[`webhook-check-suite-${action}`];
    events = new Set(
      schema?.properties.check_suite.properties.app.properties.events.items.enum ?? [],
    );
    allowed.set(action, events);
  }
  return events;
}
