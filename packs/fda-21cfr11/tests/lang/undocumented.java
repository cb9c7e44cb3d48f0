package pump;  // ruleid: CFR11-UNIT-DOCUMENTED
