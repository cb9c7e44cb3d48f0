namespace Pump;  // ruleid: CFR11-UNIT-DOCUMENTED
