/* Occlusion alarm; implements REQ-2. */ // ok: IEC62304-UNIT-TRACED
int dose(int w) { return w * 2; }
