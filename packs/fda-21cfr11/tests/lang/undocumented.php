<?php  // ruleid: CFR11-UNIT-DOCUMENTED
