/** The shapes the GitHub store reads from GraphQL and sends to the Git Data API. */

export interface GitHubStoreLocation {
  owner: string;
  repo: string;
  branch: string;
}

export interface BlobObject {
  text: string | null;
  isTruncated?: boolean;
  isBinary?: boolean | null;
  /** The blob's size: text that encodes to another length was decoded lossily (binary without a NUL). */
  byteSize?: number;
  oid?: string;
}

export interface FileNode<T> {
  object: T | null;
}

export interface TreeEntryNode {
  name: string;
  type?: string;
  oid?: string;
  object?: {
    entries?: TreeEntryNode[];
    text?: string | null;
    isTruncated?: boolean;
    oid?: string;
  } | null;
}

export interface TreeObject {
  entries: TreeEntryNode[];
}

export interface WriteState {
  oid: string;
  treeOid: string;
  storeFile: FileNode<BlobObject> | null;
  head: FileNode<BlobObject> | null;
  /** The stream's manifest names: the head pointer is checked against them. */
  manifests: FileNode<TreeObject> | null;
  catalog: FileNode<BlobObject> | null;
  auditHead: FileNode<BlobObject> | null;
  audit: FileNode<BlobObject> | null;
  blobs: FileNode<TreeObject> | null;
  /** nodes/<prefix>/<id>.json names: which manifest nodes the branch already holds. */
  nodes?: FileNode<TreeObject> | null;
  /** The month files `catalog` and `audit` are (the month the state was read in). */
  monthPaths: { catalog: string; audit: string };
}

export type TreeEntry = {
  path: string;
  mode: "100644";
  type: "blob";
  content?: string;
  sha?: string | null;
};
