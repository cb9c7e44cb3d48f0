// Dose calculation. // ruleid: IEC62304-UNIT-TRACED
export const dose = (w) => w * 2;
