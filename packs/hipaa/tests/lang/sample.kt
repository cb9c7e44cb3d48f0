// Fixture (kt): annotated lines must fire or stay quiet as marked.
// ruleid: HIPAA-HARDCODED-PASSWORD
val servicePassword = "pump-service-1234"
// ok: HIPAA-HARDCODED-PASSWORD
val servicePassword = System.getenv("SERVICE_PASSWORD")
