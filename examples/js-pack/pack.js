// The example pack in JavaScript: the same two rules as examples/rust-pack, written with
// the JavaScript SDK (`sdk/js`, copied beside it by build.mjs) against the same WIT (`wit/pack.wit`), componentized with
// @bytecodealliance/componentize-js.
//
// EX-DEBUG-PRINT is a regex rule: the host compiles and runs the pattern natively, the pack
// only declares it. EX-HARDCODED-IP is a hand-written check no regex expresses well: an
// IPv4 literal whose four parts are each 0-255.
import { Pack } from "./sentra-sdk/index.js";

const pack = new Pack({ id: "example-js", name: "Example team rules (JavaScript)", version: "1.0.0" });

pack.regex({
  id: "EX-DEBUG-PRINT", name: "Debug print left in code", severity: "low",
  pattern: String.raw`\bprint\(\s*f?['"]debug`, globs: ["**/*.py"], literals: ["print("],
});

const isIpv4 = (s) => {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255);
};

pack.check(
  { id: "EX-HARDCODED-IP", name: "Hard-coded IP address", severity: "medium", description: "An IPv4 address literal ties the code to one network." },
  (file, out) => {
    file.lines().forEach((line, i) => {
      if (line.split(/[^0-9.]/).some(isIpv4)) out.reportLine(i + 1);
    });
  },
);

export const scanner = pack.scanner();
