pub const LIMIT: u32 = 5;  // ruleid: IEC62304-UNIT-DOCUMENTED
