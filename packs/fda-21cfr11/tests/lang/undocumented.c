int limit = 5;  // ruleid: CFR11-UNIT-DOCUMENTED
