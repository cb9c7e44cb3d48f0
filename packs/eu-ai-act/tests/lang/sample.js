// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: EUAI-MODEL-UNPINNED
const model = await AutoModel.from_pretrained("Xenova/bert-base-uncased");
// ok: EUAI-MODEL-UNPINNED
const model = await AutoModel.from_pretrained("Xenova/bert-base-uncased", { revision: "5f1b9e2" });
// ruleid: EUAI-PROMPT-INJECTION-JS
const prompt = `Summarise this record: ${req.body.text}`;
// ruleid: EUAI-PROMPT-INJECTION-JS
let prompt = "Answer the question: " + req.query.q;
// ok: EUAI-PROMPT-INJECTION-JS
const prompt = "Summarise the record supplied in the user message.";
// ruleid: EUAI-LLM-EXEC-JS
const value = eval(completion);
// ok: EUAI-LLM-EXEC-JS
const value = JSON.parse(completion);
// ruleid: EUAI-LOG-PII-JS
logger.info("signup", user.email);
// ok: EUAI-LOG-PII-JS
logger.info("signup", user.id);
// ruleid: EUAI-SWALLOW-JS
try { sync(); } catch (e) {}
// ruleid: EUAI-SWALLOW-JS
fetchRecords().catch(() => {});
// ok: EUAI-SWALLOW-JS
try { sync(); } catch (e) { logger.error("sync failed", e); }
// ok: EUAI-SWALLOW-JS
fetchRecords().catch((err) => logger.error(err));
