// JS-SSRF: request data choosing where the server connects (data-flow rule), in TypeScript.
import express, { Request, Response } from "express";
import axios from "axios";
import got from "got";
import * as https from "https";

const app = express();
const WEBHOOKS: Record<string, string> = { slack: "https://hooks.slack.com/services/T000" };

function previewUrl(raw: string): string {
  return raw.trim();
}

app.get("/preview", async (req: Request, res: Response) => {
  const target = previewUrl(req.query.url as string);
  // ruleid: JS-SSRF
  const page = await axios.get(target);
  // ok: JS-SSRF
  const same = await axios.get(`https://preview.example.com/render?u=${encodeURIComponent(target)}`);
  res.json([page.data, same.data]);
});

app.post("/webhook/test", async (req: Request, res: Response) => {
  const { callback } = req.body as { callback: string };
  // ruleid: JS-SSRF
  const r = await fetch(callback, { method: "POST", body: "{}" });
  // ok: JS-SSRF
  const s = await fetch("https://api.example.com/hooks/" + callback, { method: "POST" });
  const hook = WEBHOOKS["slack"];
  // ok: JS-SSRF
  const t = await fetch(hook, { method: "POST", body: JSON.stringify(req.body) });
  res.json([r.status, s.status, t.status]);
});

app.get("/avatar", (req: Request, res: Response) => {
  const host = req.get("X-Avatar-Host");
  const url = "https://" + host + "/avatar.png";
  // ruleid: JS-SSRF
  https.get(url, (up) => up.pipe(res));
  let fallback = req.query.fallback as string;
  fallback = "https://cdn.example.com/default.png";
  // ok: JS-SSRF
  https.get(fallback, (up) => up.pipe(res));
});

app.get("/mirror", async (req: Request, res: Response) => {
  const upstream = req.query.upstream!.toString();
  // ruleid: JS-SSRF
  const body = await got(upstream).text();
  // ok: JS-SSRF
  const pinned = await got(`https://mirror.example.com/${upstream}`).text();
  res.json({ body, pinned });
});
