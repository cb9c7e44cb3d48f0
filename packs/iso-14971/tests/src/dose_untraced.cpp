// Dose calculation. // ruleid: ISO14971-UNIT-TRACED
int dose(int w) { return w * 2; }
