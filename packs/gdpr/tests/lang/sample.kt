// Fixture (kt): annotated lines must fire or stay quiet as marked.
// ruleid: GDPR-HARDCODED-PASSWORD
val servicePassword = "pump-service-1234"
// ok: GDPR-HARDCODED-PASSWORD
val servicePassword = System.getenv("SERVICE_PASSWORD")
