"""Fixture: `ruleid:` lines must fire, `ok:` lines must not."""
# ruleid: EUAI-TORCH-LOAD
model = torch.load(path)
# ok: EUAI-TORCH-LOAD
model = torch.load(path, weights_only=True)
# ruleid: EUAI-TRUST-REMOTE-CODE
tok = AutoTokenizer.from_pretrained(name, trust_remote_code=True)
# ok: EUAI-TRUST-REMOTE-CODE
tok = AutoTokenizer.from_pretrained(name, trust_remote_code=False)
# ruleid: EUAI-MODEL-UNPINNED
model = AutoModel.from_pretrained("bert-base-uncased")
# ok: EUAI-MODEL-UNPINNED
model = AutoModel.from_pretrained("bert-base-uncased", revision="86b5e0934494bd15c9632b12f734a8a67f723594")
# ruleid: EUAI-PROMPT-INJECTION
prompt = f"You are a support bot. Answer: {request.args['q']}"
# ok: EUAI-PROMPT-INJECTION
prompt = render_prompt(TEMPLATE, question=sanitize(question))
# ruleid: EUAI-LLM-EXEC
exec(completion)
# ok: EUAI-LLM-EXEC
exec_sandboxed(completion)
# ruleid: EUAI-LOG-PII
logger.info("signup %s %s", email, phone_number)
# ok: EUAI-LOG-PII
logger.info("signup user_id=%s", user_id)
# ruleid: EUAI-SWALLOW
except Exception: pass
# ok: EUAI-SWALLOW
except Exception: logger.exception("sync failed")
