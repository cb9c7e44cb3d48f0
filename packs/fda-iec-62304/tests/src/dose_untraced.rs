// Dose calculation. // ruleid: IEC62304-UNIT-TRACED
pub fn dose(w: u32) -> u32 { w * 2 }
