namespace Pump;  // ruleid: IEC62304-UNIT-DOCUMENTED
