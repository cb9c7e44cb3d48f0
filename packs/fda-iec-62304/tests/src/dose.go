// Dose limits; implements REQ-3. // ok: IEC62304-UNIT-TRACED
package dose
