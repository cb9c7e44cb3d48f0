// ruleid: SC-GO-NO-GOSUM
module example.com/shop
// ok: SC-GO-NO-GOSUM
require golang.org/x/text v0.21.0
