import { info, summary } from "@actions/core";

/** Appends Markdown to the job summary; outside a runner (no GITHUB_STEP_SUMMARY) it goes to the log. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    info(markdown);
    return;
  }
  await summary.addRaw(markdown).write();
}
