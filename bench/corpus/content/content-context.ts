/** Who a generated file belongs to, so its contents match its path. */
export interface ContentContext {
  app: string;
  env: string;
  region: string;
  team: string;
}
