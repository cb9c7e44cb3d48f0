pub const LIMIT: u32 = 5;  // ruleid: CFR11-UNIT-DOCUMENTED
