/* Dose calculation. */ // ruleid: IEC62304-UNIT-TRACED
int dose(int w) { return w * 2; }
