const MARKER = /<!-- snapgate-alert environment=([^\s]+) problem=([^\s]+) -->/;

/**
 * The hidden first line of an alert issue's body: how a later run (or
 * another instance) finds the issue of an environment and problem.
 */
export function alertMarker(environment: string, problem: string): string {
  return `<!-- snapgate-alert environment=${environment} problem=${problem} -->`;
}

/** The environment and problem an issue body's marker names, or null. */
export function parseAlertMarker(body: string): { environment: string; problem: string } | null {
  const match = MARKER.exec(body);
  return match ? { environment: match[1] as string, problem: match[2] as string } : null;
}
