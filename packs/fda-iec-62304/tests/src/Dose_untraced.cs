// Dose calculation. // ruleid: IEC62304-UNIT-TRACED
namespace Dose;
