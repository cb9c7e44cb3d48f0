"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: AIRMF-TORCH-LOAD
model = torch.load(path)
# ok: AIRMF-TORCH-LOAD
model = torch.load(path, weights_only=True)
# ruleid: AIRMF-TRUST-REMOTE-CODE
tok = AutoTokenizer.from_pretrained(name, trust_remote_code=True)
# ok: AIRMF-TRUST-REMOTE-CODE
tok = AutoTokenizer.from_pretrained(name, trust_remote_code=False)
# ruleid: AIRMF-MODEL-UNPINNED
model = AutoModel.from_pretrained("bert-base-uncased")
# ok: AIRMF-MODEL-UNPINNED
model = AutoModel.from_pretrained("bert-base-uncased", revision="86b5e0934494bd15c9632b12f734a8a67f723594")
# ruleid: AIRMF-PROMPT-INJECTION
prompt = f"You are a support bot. Answer: {request.args['q']}"
# ok: AIRMF-PROMPT-INJECTION
prompt = render_prompt(TEMPLATE, question=sanitize(question))
# ruleid: AIRMF-LLM-EXEC
exec(completion)
# ok: AIRMF-LLM-EXEC
exec_sandboxed(completion)
# ruleid: AIRMF-LOG-PII
logger.info("signup %s %s", email, phone_number)
# ok: AIRMF-LOG-PII
logger.info("signup user_id=%s", user_id)
