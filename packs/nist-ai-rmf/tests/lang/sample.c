// Fixture (c): annotated lines must fire or stay quiet as marked.
// ruleid: AIRMF-LOG-PII-C
syslog(LOG_INFO, "signup %s", email);
// ok: AIRMF-LOG-PII-C
syslog(LOG_INFO, "signup %d", user_id);
