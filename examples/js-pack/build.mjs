// Builds pack.wasm from pack.js against the repository's WIT (`node build.mjs [OUT]`).
import { componentize } from "@bytecodealliance/componentize-js";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
// componentize-js reads modules from the source's directory only: the SDK goes beside it
// (a pack made by `sentra pack new` has it vendored there already).
await mkdir(here("./sentra-sdk"), { recursive: true });
await copyFile(here("../../sdk/js/index.js"), here("./sentra-sdk/index.js"));
const { component } = await componentize({
  sourcePath: here("./pack.js"),
  witPath: here("../../wit"),
  worldName: "pack",
  // The sandbox grants no network or HTTP; leave those out of the component.
  disableFeatures: ["http", "fetch-event"],
});
await writeFile(process.argv[2] ?? here("./pack.wasm"), component);
console.log(`wrote ${process.argv[2] ?? "pack.wasm"} (${component.length} bytes)`);
