// Dose calculation. // ruleid: ISO14971-UNIT-TRACED
package dose
