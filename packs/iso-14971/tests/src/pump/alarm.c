/* Occlusion alarm; implements REQ-2. */ // ok: ISO14971-UNIT-TRACED
int dose(int w) { return w * 2; }
