// ruleid: OWASP-A08-JS-NODE-SERIALIZE
import serialize from "node-serialize";
// ok: OWASP-A08-JS-NODE-SERIALIZE
import fastJson from "fast-json-stringify";

export async function handler(req: Request, res: Response): Promise<void> {
  // ruleid: OWASP-A01-JS-PATH-TRAVERSAL
  res.download(path.join(ROOT, req.params.file as string));
  // ok: OWASP-A01-JS-PATH-TRAVERSAL
  res.download(path.join(ROOT, "report.pdf"));
  const id = req.params.id;
  // ruleid: OWASP-A03-JS-SQL-TEMPLATE
  const rows = await prisma.$queryRawUnsafe(sql), q = await pool.query(`SELECT * FROM t WHERE id = ${id}`);
  // ok: OWASP-A03-JS-SQL-TEMPLATE
  const rows2 = await pool.query<User>("SELECT * FROM t WHERE id = $1", [id]);
  // ruleid: OWASP-A03-JS-NOSQL-WHERE
  const u: User | null = await users.findOne(req.query);
  // ok: OWASP-A03-JS-NOSQL-WHERE
  const u2: User | null = await users.findOne({ id: String(req.query.id) });
  // ruleid: OWASP-A04-JS-USER-REGEX
  const re: RegExp = new RegExp(req.query.q);
  // ok: OWASP-A04-JS-USER-REGEX
  const re2: RegExp = new RegExp(escape(String(req.query.q)));
  // ruleid: OWASP-A05-JS-STACK-TRACE-RESPONSE
  res.status(500).json({ stack: err.stack });
  // ok: OWASP-A05-JS-STACK-TRACE-RESPONSE
  res.status(500).json({ error: "internal" });
  // ruleid: OWASP-A09-JS-LOG-SECRET
  console.info(`issued ${token}`);
  // ok: OWASP-A09-JS-LOG-SECRET
  console.info(`issued for ${userId}`);
  // ruleid: OWASP-A10-JS-REQUEST-URL
  const r = await got(req.query.url);
  // ok: OWASP-A10-JS-REQUEST-URL
  const r2 = await got(UPSTREAM);
  // ruleid: OWASP-A07-WEAK-BCRYPT-COST
  const h: string = await bcrypt.hash(password, 6);
  // ok: OWASP-A07-WEAK-BCRYPT-COST
  const h2: string = await bcrypt.hash(password, SALT_ROUNDS);
  // ruleid: OWASP-A08-JS-NODE-SERIALIZE
  const cart = serialize.unserialize(req.body.cart);
}

// ruleid: OWASP-A04-JS-UPLOAD-NO-LIMIT
export const upload = multer({ storage: multer.memoryStorage() });
// ok: OWASP-A04-JS-UPLOAD-NO-LIMIT
export const upload2 = multer({ storage: multer.memoryStorage(), limits: { fileSize: 1e6 } });
export function quiet(): void {
  // ruleid: OWASP-A09-EMPTY-CATCH
  try { run(); } catch (e: unknown) {}
  // ok: OWASP-A09-EMPTY-CATCH
  try { run(); } catch (e: unknown) { logger.warn(e); }
  // ok: OWASP-A09-EMPTY-CATCH
  const s: string = "catch (e) {}";
}
function verify(password: string): boolean {
  // ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
  if (password === "sup3rs3cret") { return true; }
  // ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
  return bcrypt.compareSync(password, storedHash);
}
