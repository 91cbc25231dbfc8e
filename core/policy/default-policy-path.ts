/** Where a repository keeps its policy, on its default branch. */
export const DEFAULT_POLICY_PATH = ".github/snapgate.yml";
