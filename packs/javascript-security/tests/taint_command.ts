// JS-COMMAND-INJECTION: request data reaching a shell command (data-flow rule), in TypeScript.
import express, { Request, Response } from "express";
import * as cp from "child_process";
import { exec, execFile, spawn } from "child_process";
import shellQuote from "shell-quote";

const router = express.Router();

function thumbnailCommand(file: string): string {
  return `convert ${file} -resize 64x64 thumb.png`;
}

function versionCommand(_file: string): string {
  return "convert -version";
}

router.post("/thumbnail", (req: Request, res: Response) => {
  const file = req.body.file as string;
  // ruleid: JS-COMMAND-INJECTION
  exec(thumbnailCommand(file), (err) => res.sendStatus(err ? 500 : 204));
  // ok: JS-COMMAND-INJECTION
  exec(versionCommand(file), (err) => res.sendStatus(err ? 500 : 204));
});

router.get("/ping", (req: Request, res: Response) => {
  const host: string = String(req.query.host);
  const cmd = "ping -c 1 " + host;
  // ruleid: JS-COMMAND-INJECTION, JS-CHILD-PROCESS-EXEC
  cp.exec(cmd, (err, out) => res.send(out));
  const quoted = "ping -c 1 " + shellQuote.quote([host]);
  // ruleid: JS-CHILD-PROCESS-EXEC
  // ok: JS-COMMAND-INJECTION
  cp.exec(quoted, (err, out) => res.send(out));
  // ok: JS-COMMAND-INJECTION
  execFile("ping", ["-c", "1", host], (err, out) => res.send(out));
});

router.get("/grep", (req: Request, res: Response) => {
  const pattern = req.query.pattern as string;
  // ruleid: JS-SPAWN-SHELL
  // ruleid: JS-COMMAND-INJECTION
  const child = spawn(`grep -r ${pattern} /srv/docs`, { shell: true });
  // ok: JS-COMMAND-INJECTION
  const plain = spawn("grep", ["-r", pattern, "/srv/docs"]);
  // ruleid: JS-COMMAND-INJECTION
  const viaSh = spawn("sh", ["-c", "grep -r " + pattern + " /srv/docs"]);
  // ok: JS-COMMAND-INJECTION
  const fixedSh = spawn("sh", ["-c", "grep -r TODO /srv/docs"]);
  child.stdout.pipe(res);
  plain.stdout.pipe(res);
  viaSh.stdout.pipe(res);
  fixedSh.stdout.pipe(res);
});

router.get("/archive/:name", (req: Request, res: Response) => {
  let name = req.params.name;
  name = "latest";
  // ruleid: JS-CHILD-PROCESS-EXEC
  // ok: JS-COMMAND-INJECTION
  const out = cp.execSync("tar czf /tmp/out.tgz " + name);
  const jobs = new Map<string, string>();
  jobs.set("daily", "backup --daily");
  jobs.set("custom", "backup --path " + req.params.name);
  // ok: JS-COMMAND-INJECTION
  cp.execSync(jobs.get("daily"));
  // ruleid: JS-COMMAND-INJECTION
  cp.execSync(jobs.get("custom"));
  const keep = parseInt(req.params.name, 10);
  // ruleid: JS-CHILD-PROCESS-EXEC
  // ok: JS-COMMAND-INJECTION
  require("child_process").exec(`find /tmp -mtime +${keep} -delete`);
  // ruleid: JS-COMMAND-INJECTION, JS-CHILD-PROCESS-EXEC
  require("child_process").exec(`find /tmp -name ${req.params.name} -delete`);
  res.send(out);
});

export default router;
