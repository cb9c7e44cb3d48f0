// JS-LOG-INJECTION: request data written to the application log (data-flow rule), in TypeScript.
import express, { Request, Response } from "express";
import winston from "winston";

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const app = express();

function describe(user: string): string {
  return `login attempt for ${user}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}

app.post("/login", (req: Request, res: Response) => {
  const user = req.body.user as string;
  // ruleid: JS-LOG-INJECTION
  logger.info(describe(user));
  // ok: JS-LOG-INJECTION
  logger.info(describe(oneLine(user)));
  // ok: JS-LOG-INJECTION
  logger.info("login attempt", { user: JSON.stringify(user) });
  // ruleid: JS-LOG-INJECTION
  logger.warn("failed login for " + req.body.user + " from " + req.ip);
  res.sendStatus(401);
});

app.get("/items/:id", (req: Request, res: Response) => {
  const id = req.params.id;
  // ruleid: JS-LOG-INJECTION
  logger.error(`item ${id} not found`);
  // ok: JS-LOG-INJECTION
  logger.error(`item ${parseInt(id, 10)} not found`);
  let note = req.query.note as string;
  note = "none";
  // ok: JS-LOG-INJECTION
  logger.debug("note: " + note);
  // ok: JS-LOG-INJECTION
  console.log("item requested", id);
  res.sendStatus(404);
});
