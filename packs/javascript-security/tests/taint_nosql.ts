// JS-NOSQL-INJECTION: request data as a MongoDB query filter (data-flow rule), in TypeScript.
import express, { Request, Response } from "express";
import { User } from "./models";

const app = express();

function credentials(body: any) {
  return { username: body.username, password: body.password };
}

app.post("/login", async (req: Request, res: Response) => {
  // ruleid: JS-NOSQL-INJECTION
  const user = await User.findOne(credentials(req.body));
  const filter = { username: String(req.body.username), password: String(req.body.password) };
  // ok: JS-NOSQL-INJECTION
  const same = await User.findOne(filter);
  res.json({ ok: Boolean(user && same) });
});

app.get("/users", async (req: Request, res: Response) => {
  const name = req.query.name;
  // ruleid: JS-NOSQL-INJECTION
  const list = await User.find({ $where: "this.name == '" + name + "'" });
  // ok: JS-NOSQL-INJECTION
  const all = await User.find({ active: true }).limit(Number(req.query.limit));
  // ok: JS-NOSQL-INJECTION
  const tags = ["a", "b"].find((t) => t === name);
  res.json({ list, all, tags });
});

app.delete("/sessions", async (req: Request, res: Response) => {
  const db = req.app.locals.db;
  // ruleid: JS-NOSQL-INJECTION
  await db.collection("sessions").deleteMany(req.body);
  // ok: JS-NOSQL-INJECTION
  await db.collection("sessions").deleteMany({ expired: true });
  res.sendStatus(204);
});
