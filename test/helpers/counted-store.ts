import type { Store, WriteView } from "../../core/store/store.js";

/** Methods that change a store, and the view's stageBlob: what a replication "write" is. */
const WRITES = [
  "initialize",
  "commitSnapshot",
  "putBlob",
  "putBlobs",
  "writeRecords",
  "appendAudit",
  "deleteBlobs",
  "deleteNodes",
];

async function isStore(store: Store): Promise<boolean> {
  return store.assertExists().then(
    () => true,
    () => false,
  );
}

/**
 * A real store, with its writes counted; with `failAfter`, the write after
 * that many throws, as a crash (a killed runner, a lost network) would stop it.
 */
export function countedStore(
  store: Store,
  failAfter = Infinity,
): { store: Store; writes: () => number } {
  let writes = 0;
  const count = (name: string) => {
    if (writes >= failAfter) throw new Error(`injected crash before ${name}`);
    writes += 1;
  };
  const wrapView = (view: WriteView): WriteView =>
    new Proxy(view, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key === "stageBlob" && typeof value === "function")
          return (...args: unknown[]) => {
            count("stageBlob");
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== "function") return value;
      const name = String(key);
      return async (...args: unknown[]) => {
        if (WRITES.includes(name) && !(name === "initialize" && (await isStore(target))))
          count(name);
        if (name === "commitSnapshot") {
          const commit = args[0] as { view: WriteView };
          const inner = (commit.view as unknown as { __target?: WriteView }).__target;
          if (inner) args[0] = { ...commit, view: inner };
        }
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (name === "beginWrite") {
          const view = result as WriteView;
          const wrapped = wrapView(view);
          (wrapped as unknown as { __target?: WriteView }).__target = view;
          return wrapped;
        }
        return result;
      };
    },
  });
  return { store: proxy, writes: () => writes };
}
