package pump;  // ruleid: IEC62304-UNIT-DOCUMENTED
