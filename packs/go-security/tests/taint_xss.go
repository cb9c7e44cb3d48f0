// GO-XSS: request data written into an HTML response (data-flow rule).
package handlers

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
)

func page(title, body string) string {
	return "<html><head><title>" + title + "</title></head><body>" + body + "</body></html>"
}

func banner(user string) string {
	return "<p>Welcome back</p>"
}

func search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	out := page("Search", "<h1>Results for "+q+"</h1>")
	// ruleid: GO-XSS
	w.Write([]byte(out))
	// ok: GO-XSS
	w.Write([]byte(page("Search", "<h1>Results for "+html.EscapeString(q)+"</h1>")))
	// ok: GO-XSS
	w.Write([]byte(banner(q)))
}

func hello(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	// ruleid: GO-XSS
	fmt.Fprintf(w, "<p>Hello %s</p>", name)
	// ok: GO-XSS
	fmt.Fprintf(w, "<p>Hello %s</p>", template.HTMLEscapeString(name))
	// ok: GO-XSS
	fmt.Printf("hello %s\n", name)
	ua := r.UserAgent()
	// ruleid: GO-XSS
	io.WriteString(w, "<!-- "+ua+" -->")
	ua = "unknown"
	// ok: GO-XSS
	io.WriteString(w, "<!-- "+ua+" -->")
}

type profileView struct{ Bio template.HTML }

func profile(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("bio")
	if err != nil {
		return
	}
	// ruleid: GO-XSS, GO-TEMPLATE-HTML-CAST
	view := profileView{Bio: template.HTML(c.Value)}
	// ruleid: GO-TEMPLATE-HTML-CAST
	// ok: GO-XSS
	safe := profileView{Bio: template.HTML(html.EscapeString(c.Value))}
	_, _ = view, safe
}

func greet(c echo.Context) error {
	who := c.QueryParam("who")
	// ruleid: GO-XSS
	return c.HTML(http.StatusOK, "<b>"+who+"</b>")
}

func greetSafe(c echo.Context) error {
	who := c.QueryParam("who")
	// ok: GO-XSS
	return c.HTML(http.StatusOK, "<b>"+html.EscapeString(who)+"</b>")
}
