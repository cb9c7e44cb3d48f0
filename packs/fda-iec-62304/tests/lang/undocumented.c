int limit = 5;  // ruleid: IEC62304-UNIT-DOCUMENTED
