/** epochs/<epoch>/retired.json: the record `snapgate retire-epoch` writes once an epoch's identities may go. */
export function retiredEpochPath(epoch: string): string {
  return `epochs/${epoch}/retired.json`;
}
