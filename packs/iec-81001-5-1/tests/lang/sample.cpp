// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: IEC81001-HARDCODED-PASSWORD
const std::string dbPassword = "hunter2-prod";
// ok: IEC81001-HARDCODED-PASSWORD
const std::string dbPassword = read_secret("db");
// ruleid: IEC81001-SQL-CONCAT-C
std::string q = "SELECT * FROM patients WHERE id = " + id;
// ok: IEC81001-SQL-CONCAT-C
std::string q = "SELECT * FROM patients WHERE id = ?";
