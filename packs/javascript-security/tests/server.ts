// TypeScript variants (JS-*-TS): the same checks on .ts files, with type syntax around them.
import { exec, execSync, spawn } from "child_process";
import * as crypto from "crypto";
import * as jwt from "jsonwebtoken";
import * as _ from "lodash";
import type { Request, Response, CookieOptions } from "express";

export function evalCases(req: Request, code: string): unknown {
  // ruleid: JS-EVAL
  const a = eval(code as string);
  // ok: JS-EVAL
  const b = eval("1 + 1");
  // ok: JS-EVAL
  const c = "eval(code) runs anything";
  return [a, b, c];
}

export class Expression {
  // ok: JS-EVAL
  eval(scope: Record<string, number>): number {
    return this.run(scope);
  }
}

// ruleid: JS-FUNCTION-CONSTRUCTOR
const compiled: Function = new Function("a", body!);
// ok: JS-FUNCTION-CONSTRUCTOR
const getGlobal = new Function("return this") as () => typeof globalThis;

// ruleid: JS-TIMER-STRING
setTimeout("refresh()" as any, 100);
// ok: JS-TIMER-STRING
setTimeout((): void => refresh(), 100);

export function render(el: HTMLElement, name: string): void {
  // ruleid: JS-INNERHTML
  (el as HTMLDivElement).innerHTML = `<b>${name}</b>`;
  // ok: JS-INNERHTML
  el!.innerHTML = "";
  // ruleid: JS-DOCUMENT-WRITE
  document.write(name);
  // ok: JS-DOCUMENT-WRITE
  logger.write(name);
}

export function run(file: string, cmd?: string): void {
  // ruleid: JS-CHILD-PROCESS-EXEC
  exec(cmd!, (err: Error | null) => log(err));
  // ruleid: JS-CHILD-PROCESS-EXEC
  execSync(`convert ${file} out.png`);
  // ok: JS-CHILD-PROCESS-EXEC
  const m: RegExpExecArray | null = /x/.exec(file);
  // ruleid: JS-SPAWN-SHELL
  spawn(file, [], { shell: true, stdio: "inherit" } as const);
  // ok: JS-SPAWN-SHELL
  spawn(file, [], { shell: false });
}

export function pollute(target: any, payload: unknown, req: Request): void {
  // ruleid: JS-PROTO-POLLUTION
  target["__proto__"] = payload;
  // ok: JS-PROTO-POLLUTION
  const p: object = target.__proto__;
  // ruleid: JS-MERGE-UNTRUSTED
  _.merge(target, req.body as Partial<Config>);
  // ok: JS-MERGE-UNTRUSTED
  const seen = new Map<string, unknown>(); seen.set("k", req.body);
}

export function digest(data: Buffer, key: Buffer, iv: Buffer): void {
  // ruleid: JS-WEAK-HASH
  crypto.createHash("md5").update(data);
  // ok: JS-WEAK-HASH
  crypto.createHash("sha256").update(data);
  // ruleid: JS-WEAK-CIPHER
  crypto.createCipheriv("des-ede3-cbc", key, iv);
  // ok: JS-WEAK-CIPHER
  crypto.createCipheriv("aes-256-gcm", key, iv);
}

export class TokenStore {
  // ruleid: JS-MATH-RANDOM-SECRET, JS-RANDOM-IN-SECURITY-CODE
  private resetToken: string = Math.random().toString(36).slice(2);
  // ok: JS-MATH-RANDOM-SECRET
  private jitter: number = Math.random() * 100;  // ruleid: JS-RANDOM-IN-SECURITY-CODE
  // ok: JS-MATH-RANDOM-SECRET
  private sessionKey: string = crypto.randomBytes(32).toString("hex");
}

export function auth(token: string, key: string): void {
  // ruleid: JS-JWT-NONE
  jwt.verify(token, key, { algorithms: ["none"] as jwt.Algorithm[] });
  // ok: JS-JWT-NONE
  jwt.verify(token, key, { algorithms: ["RS256"] as jwt.Algorithm[] });
  // ruleid: JS-JWT-DECODE-ONLY
  const claims = jwt.decode(token) as jwt.JwtPayload;
  // ok: JS-JWT-DECODE-ONLY
  const verified = jwt.verify(token, key) as jwt.JwtPayload;
}

// ruleid: JS-EXPRESS-NO-HELMET
app.enable("x-powered-by");
// ok: JS-EXPRESS-NO-HELMET
app.disable("x-powered-by");
// ruleid: JS-EXPRESS-CORS-ANY
app.use(cors({ origin: "*", credentials: true }));
// ok: JS-EXPRESS-CORS-ANY
app.use(cors({ origin: ["https://shop.example.com"] }));

// ruleid: JS-COOKIE-INSECURE
const cookieDefaults = { httpOnly: false } satisfies CookieOptions;
// ok: JS-COOKIE-INSECURE
const mailer = createTransport({ host: "smtp.example.com", secure: false } as SMTPOptions);

export function login(req: Request, res: Response, sid: string): void {
  // ruleid: JS-EXPRESS-COOKIE-NO-FLAGS
  res.cookie("sid", sid);
  // ok: JS-EXPRESS-COOKIE-NO-FLAGS
  res.cookie("sid", sid, { secure: true, httpOnly: true, sameSite: "strict" });
  // ruleid: JS-OPEN-REDIRECT
  res.redirect(req.query.next as string);
  // ok: JS-OPEN-REDIRECT
  res.redirect("/home");
}

const agent = new https.Agent({
  // ruleid: JS-TLS-REJECT-UNAUTHORIZED
  rejectUnauthorized: false,
});
// ok: JS-TLS-REJECT-UNAUTHORIZED
const strict = new https.Agent({ rejectUnauthorized: true, ca: corporateCa });

// ruleid: JS-XXE
const xmlDoc: Document = libxmljs.parseXml(xml, { noent: true });
// ok: JS-XXE
const plainDoc: Document = libxmljs.parseXml(xml);

// TypeScript wrappers around options objects
// ruleid: JS-EXPRESS-CORS-ANY
app.use(cors({ origin: true } as CorsOptions));
// ruleid: JS-SPAWN-SHELL
spawn("make", ["all"], { shell: true } satisfies SpawnOptions);
// ruleid: JS-COOKIE-INSECURE
res.cookie("sid", sid, { secure: false, httpOnly: true } as CookieOptions);
// ruleid: JS-EXPRESS-COOKIE-NO-FLAGS
res.cookie("theme", theme, { maxAge: 1000 } as CookieOptions);
// ruleid: JS-XXE
const entityDoc = libxmljs.parseXml(xml, { replaceEntities: true } as XMLParseOptions);
// ok: JS-XXE
const decoded = he.decode(xml, { replaceEntities: true } as HeOptions);
// ok: JS-COOKIE-INSECURE
res.cookie("sid", sid, { secure: true, httpOnly: true } as CookieOptions);
