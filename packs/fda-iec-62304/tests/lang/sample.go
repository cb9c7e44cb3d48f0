// Fixture (go): annotated lines must fire or stay quiet as marked. // ok: IEC62304-UNIT-DOCUMENTED
// ruleid: IEC62304-SWALLOW-GO
if err := sync(); err != nil {}
// ok: IEC62304-SWALLOW-GO
if err := sync(); err != nil { return err }
// ruleid: IEC62304-TODO-SECURITY
// XXX skip auth for now
// ok: IEC62304-TODO-SECURITY
// Authenticates the caller (REQ-4).
// ruleid: IEC62304-SQL-CONCAT-GO
rows, err := db.Query("SELECT * FROM patients WHERE name = '" + name + "'")
// ruleid: IEC62304-SQL-CONCAT-GO
db.Exec(fmt.Sprintf("DELETE FROM sessions WHERE user = '%s'", u))
// ok: IEC62304-SQL-CONCAT-GO
rows, err := db.Query("SELECT * FROM patients WHERE name = $1", name)
// ruleid: IEC62304-HARDCODED-PASSWORD
dbPassword := "hunter2-prod-billing"
// ruleid: IEC62304-HARDCODED-PASSWORD
const adminPassword string = "Adm1nAdm1n"
// ok: IEC62304-HARDCODED-PASSWORD
dbPassword := os.Getenv("DB_PASSWORD")
// ruleid: IEC62304-LOG-PHI-GO
log.Printf("patient %s dob %s", p.Name, p.DOB)
// ok: IEC62304-LOG-PHI-GO
log.Printf("patient record %d updated", id)
