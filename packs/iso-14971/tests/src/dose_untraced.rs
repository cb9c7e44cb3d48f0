// Dose calculation. // ruleid: ISO14971-UNIT-TRACED
pub fn dose(w: u32) -> u32 { w * 2 }
