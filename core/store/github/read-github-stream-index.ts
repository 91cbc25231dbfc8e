import { checkHeadPointer } from "../check-head-pointer.js";
import {
  headNodesOf,
  headPath,
  parseBlobFileName,
  type BlobRef,
  type StreamIndex,
} from "../store.js";
import type { GitHubReader } from "./github-reader.js";
import type { BlobObject, FileNode, TreeObject } from "./github-store-types.js";
import { manifestSeqsOf } from "./manifest-seqs-of.js";

/** One environment's index in one GraphQL query: what the gate and `list` need without opening manifests. */
export async function readGitHubStreamIndex(
  reader: GitHubReader,
  stream: string,
): Promise<StreamIndex> {
  const names = "object { ... on Tree { entries { name } } }";
  const result = await reader.query<{
    repository: {
      ref: {
        target: {
          catalog: FileNode<TreeObject> | null;
          head: FileNode<BlobObject> | null;
          manifests: FileNode<TreeObject> | null;
          tombstones: FileNode<TreeObject> | null;
          verifications: FileNode<TreeObject> | null;
          locks: FileNode<TreeObject> | null;
          drills: FileNode<TreeObject> | null;
          signoffs: FileNode<TreeObject> | null;
          blobs: FileNode<TreeObject> | null;
        };
      } | null;
    };
  }>(
    `query SnapgateStreamIndex($owner: String!, $name: String!, $ref: String!, $catalog: String!, $head: String!, $manifests: String!, $tombstones: String!, $verifications: String!, $locks: String!, $drills: String!, $signoffs: String!) {
      repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { ... on Commit {
        catalog: file(path: $catalog) { object { ... on Tree { entries { name oid object { ... on Blob { text isTruncated } } } } } }
        head: file(path: $head) { object { ... on Blob { text isTruncated oid } } }
        manifests: file(path: $manifests) { ${names} }
        tombstones: file(path: $tombstones) { ${names} }
        verifications: file(path: $verifications) { ${names} }
        locks: file(path: $locks) { ${names} }
        drills: file(path: $drills) { ${names} }
        signoffs: file(path: $signoffs) { ${names} }
        blobs: file(path: "blobs") { object { ... on Tree { entries { name ${names} } } } }
      } } } }
    }`,
    {
      ref: reader.qualifiedRef,
      catalog: `catalog/${stream}`,
      head: headPath(stream),
      manifests: `manifests/${stream}`,
      tombstones: `tombstones/${stream}`,
      verifications: `verifications/${stream}`,
      locks: `locks/${stream}`,
      drills: `drills/${stream}`,
      signoffs: `drills/${stream}/signoffs`,
    },
    `reading the index of ${stream}`,
  );
  const target = result.repository.ref?.target;
  const manifestSeqs = manifestSeqsOf(target?.manifests);
  const catalog = await reader.catalogFromShards(stream, target?.catalog?.object?.entries ?? []);
  // The gate's `latest` must not silently become the snapshot before a deleted one.
  const headText = await reader.blobText(target?.head ?? null);
  checkHeadPointer(stream, headText, manifestSeqs, reader.location);
  const headNodes = headNodesOf(headText);
  const blobs: BlobRef[] = [];
  for (const prefix of target?.blobs?.object?.entries ?? []) {
    for (const entry of prefix.object?.entries ?? []) {
      const ref = parseBlobFileName(entry.name);
      if (ref) blobs.push(ref);
    }
  }
  return {
    catalog,
    manifestSeqs,
    tombstoneSeqs: manifestSeqsOf(target?.tombstones),
    verifications: (target?.verifications?.object?.entries ?? [])
      .filter((entry) => entry.name.endsWith(".json"))
      .map((entry) => `verifications/${stream}/${entry.name}`),
    blobs,
    locks: (target?.locks?.object?.entries ?? [])
      .filter((entry) => entry.name.endsWith(".json"))
      .map((entry) => `locks/${stream}/${entry.name}`),
    drills: [
      ...(target?.drills?.object?.entries ?? [])
        .filter((entry) => entry.name.endsWith(".json"))
        .map((entry) => `drills/${stream}/${entry.name}`),
      ...(target?.signoffs?.object?.entries ?? [])
        .filter((entry) => entry.name.endsWith(".json"))
        .map((entry) => `drills/${stream}/signoffs/${entry.name}`),
    ],
    ...(headNodes ? { headNodes } : {}),
  };
}
