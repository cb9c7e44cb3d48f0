// Builds pack.wasm from pack.js against wit/ (`node build.mjs [OUT]`).
import { componentize } from "@bytecodealliance/componentize-js";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const { component } = await componentize({ sourcePath: here("./pack.js"), witPath: here("./wit"), worldName: "pack", disableFeatures: ["http", "fetch-event"] });
await writeFile(process.argv[2] ?? here("./pack.wasm"), component);
console.log(`wrote ${process.argv[2] ?? "pack.wasm"} (${component.length} bytes)`);
