/**
 * Resources Domovoi creates carry these tags (where the service takes tags) and its roles live
 * under one IAM path per app and stage: the marks by which a stage finds what it owns.
 */
export const OWNER_TAGS = { app: "domovoi:app", stage: "domovoi:stage" } as const;

export function ownerTags(app: string, stage: string): Record<string, string> {
  return { [OWNER_TAGS.app]: app, [OWNER_TAGS.stage]: stage };
}

/** Tags as IAM, SNS and EventBridge take them. */
export function tagList(tags: Readonly<Record<string, string>>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** `/domovoi/<app>/<stage>/`: listing roles under it finds exactly the stage's roles. */
export function rolePath(app: string, stage: string): string {
  return `/domovoi/${app}/${stage}/`;
}
