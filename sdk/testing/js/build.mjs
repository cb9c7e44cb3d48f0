// Builds the SDK test pack (`node build.mjs OUT`), with the SDK copied beside it.
import { componentize } from "@bytecodealliance/componentize-js";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
await mkdir(here("./sentra-sdk"), { recursive: true });
await copyFile(here("../../js/index.js"), here("./sentra-sdk/index.js"));
const { component } = await componentize({ sourcePath: here("./pack.js"), witPath: here("../../../wit"), worldName: "pack", disableFeatures: ["http", "fetch-event"] });
await writeFile(process.argv[2] ?? here("./pack.wasm"), component);
console.log(`wrote ${process.argv[2] ?? "pack.wasm"} (${component.length} bytes)`);
