// Fixture (kt): annotated lines must fire or stay quiet as marked.
// ruleid: IEC81001-HARDCODED-PASSWORD
val servicePassword = "pump-service-1234"
// ok: IEC81001-HARDCODED-PASSWORD
val servicePassword = System.getenv("SERVICE_PASSWORD")
