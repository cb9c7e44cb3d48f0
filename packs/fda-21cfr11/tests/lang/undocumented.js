const LIMIT = 5;  // ruleid: CFR11-UNIT-DOCUMENTED
