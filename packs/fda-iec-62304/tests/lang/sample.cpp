// Fixture (cpp): annotated lines must fire or stay quiet as marked. // ok: IEC62304-UNIT-DOCUMENTED
// ruleid: IEC62304-SWALLOW-CPP
try { sync(); } catch (...) {}
// ok: IEC62304-SWALLOW-CPP
try { sync(); } catch (const std::exception &e) { log_error(e.what()); }
// ruleid: IEC62304-SQL-CONCAT-C
std::string q = "SELECT * FROM patients WHERE id = " + id;
// ok: IEC62304-SQL-CONCAT-C
std::string q = "SELECT * FROM patients WHERE id = ?";
// ruleid: IEC62304-HARDCODED-PASSWORD
const std::string dbPassword = "hunter2-prod";
// ok: IEC62304-HARDCODED-PASSWORD
const std::string dbPassword = read_secret("db");
// ruleid: IEC62304-LOG-PHI-C
std::cout << "dob " << date_of_birth << std::endl;
// ok: IEC62304-LOG-PHI-C
std::cout << "record " << record_id << std::endl;
