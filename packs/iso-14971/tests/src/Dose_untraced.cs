// Dose calculation. // ruleid: ISO14971-UNIT-TRACED
namespace Dose;
