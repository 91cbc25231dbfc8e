import type { CatalogEntry } from "../../types.js";
import { checkHeadPointer } from "../check-head-pointer.js";
import { headPath } from "../store.js";
import type { GitHubReader } from "./github-reader.js";
import type { BlobObject, FileNode, TreeObject } from "./github-store-types.js";
import { manifestSeqsOf } from "./manifest-seqs-of.js";

/** The catalog and, in the same query, the head pointer and manifest names it is checked against. */
export async function readGitHubCatalog(
  reader: GitHubReader,
  stream: string,
): Promise<CatalogEntry[]> {
  const result = await reader.query<{
    repository: {
      ref: {
        target: {
          catalog: FileNode<TreeObject> | null;
          head: FileNode<BlobObject> | null;
          manifests: FileNode<TreeObject> | null;
        };
      } | null;
    };
  }>(
    `query SnapgateCatalog($owner: String!, $name: String!, $ref: String!, $catalog: String!, $head: String!, $manifests: String!) {
      repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit {
        catalog: file(path: $catalog) { object { ... on Tree { entries { name oid object { ... on Blob { text isTruncated oid } } } } } }
        head: file(path: $head) { object { ... on Blob { text isTruncated oid } } }
        manifests: file(path: $manifests) { object { ... on Tree { entries { name } } } }
      } } } }
    }`,
    {
      ref: reader.qualifiedRef,
      catalog: `catalog/${stream}`,
      head: headPath(stream),
      manifests: `manifests/${stream}`,
    },
    `listing catalog/${stream}`,
  );
  const target = result.repository.ref?.target;
  const entries = await reader.catalogFromShards(stream, target?.catalog?.object?.entries ?? []);
  checkHeadPointer(
    stream,
    await reader.blobText(target?.head ?? null),
    manifestSeqsOf(target?.manifests),
    reader.location,
  );
  return entries;
}
