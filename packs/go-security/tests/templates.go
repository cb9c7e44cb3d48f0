package views

// ruleid: GO-TEXT-TEMPLATE-HTML
import "text/template"

import (
	// ruleid: GO-TEXT-TEMPLATE-HTML
	ttemplate "text/template"
	// ok: GO-TEXT-TEMPLATE-HTML
	"text/tabwriter"
)

// ok: GO-TEXT-TEMPLATE-HTML
const engine = "text/template"

// ok: GO-TEXT-TEMPLATE-HTML
// import "text/template"
var _ = ttemplate.New
