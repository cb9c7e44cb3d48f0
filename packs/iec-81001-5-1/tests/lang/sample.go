// Fixture (go): annotated lines must fire or stay quiet as marked.
// ruleid: IEC81001-HARDCODED-PASSWORD
dbPassword := "hunter2-prod-billing"
// ruleid: IEC81001-HARDCODED-PASSWORD
const adminPassword string = "Adm1nAdm1n"
// ok: IEC81001-HARDCODED-PASSWORD
dbPassword := os.Getenv("DB_PASSWORD")
// ruleid: IEC81001-AWS-KEY
key := "AKIAUJZDE8GXD6NCF10E"
// ok: IEC81001-AWS-KEY
key := os.Getenv("AWS_ACCESS_KEY_ID")
// ruleid: IEC81001-SQL-CONCAT-GO
rows, err := db.Query("SELECT * FROM patients WHERE name = '" + name + "'")
// ruleid: IEC81001-SQL-CONCAT-GO
db.Exec(fmt.Sprintf("DELETE FROM sessions WHERE user = '%s'", u))
// ok: IEC81001-SQL-CONCAT-GO
rows, err := db.Query("SELECT * FROM patients WHERE name = $1", name)
