package views

// ok: GO-TEXT-TEMPLATE-HTML
import "html/template"

var page = template.Must(template.New("page").Parse("<p>{{.}}</p>"))
