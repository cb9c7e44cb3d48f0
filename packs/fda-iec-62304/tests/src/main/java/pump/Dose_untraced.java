/* Dose calculation. */ // ruleid: IEC62304-UNIT-TRACED
class Dose { int dose(int w) { return w * 2; } }
