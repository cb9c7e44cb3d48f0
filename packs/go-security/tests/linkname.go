package fastclock

import (
	// ruleid: GO-UNSAFE
	_ "unsafe" // for go:linkname
	// ok: GO-UNSAFE
	"unicode/utf8"
)

//go:linkname nanotime runtime.nanotime
func nanotime() int64

// ok: GO-UNSAFE
const note = "unsafe"

var _ = utf8.RuneLen
