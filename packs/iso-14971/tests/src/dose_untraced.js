// Dose calculation. // ruleid: ISO14971-UNIT-TRACED
export const dose = (w) => w * 2;
