/* Dose limits; implements SRS-14. */ // ok: ISO14971-UNIT-TRACED
class Dose { int dose(int w) { return w * 2; } }
