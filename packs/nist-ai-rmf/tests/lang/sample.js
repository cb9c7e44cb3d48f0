// Fixture (js): annotated lines must fire or stay quiet as marked.
// ruleid: AIRMF-MODEL-UNPINNED
const model = await AutoModel.from_pretrained("Xenova/bert-base-uncased");
// ok: AIRMF-MODEL-UNPINNED
const model = await AutoModel.from_pretrained("Xenova/bert-base-uncased", { revision: "5f1b9e2" });
// ruleid: AIRMF-PROMPT-INJECTION-JS
const prompt = `Summarise this record: ${req.body.text}`;
// ruleid: AIRMF-PROMPT-INJECTION-JS
let prompt = "Answer the question: " + req.query.q;
// ok: AIRMF-PROMPT-INJECTION-JS
const prompt = "Summarise the record supplied in the user message.";
// ruleid: AIRMF-LLM-EXEC-JS
const value = eval(completion);
// ok: AIRMF-LLM-EXEC-JS
const value = JSON.parse(completion);
// ruleid: AIRMF-LOG-PII-JS
logger.info("signup", user.email);
// ok: AIRMF-LOG-PII-JS
logger.info("signup", user.id);
