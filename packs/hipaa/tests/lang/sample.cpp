// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: HIPAA-LOG-PHI-C
std::cout << "dob " << date_of_birth << std::endl;
// ok: HIPAA-LOG-PHI-C
std::cout << "record " << record_id << std::endl;
// ruleid: HIPAA-HARDCODED-PASSWORD
const std::string dbPassword = "hunter2-prod";
// ok: HIPAA-HARDCODED-PASSWORD
const std::string dbPassword = read_secret("db");
