// GO-OPEN-REDIRECT: request data choosing a redirect target (data-flow rule).
package handlers

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

func afterLogin(r *http.Request) string {
	return r.FormValue("next")
}

func home(r *http.Request) string {
	return "/home"
}

func login(w http.ResponseWriter, r *http.Request) {
	// ruleid: GO-OPEN-REDIRECT
	http.Redirect(w, r, afterLogin(r), http.StatusFound)
	// ok: GO-OPEN-REDIRECT
	http.Redirect(w, r, home(r), http.StatusFound)
}

func leave(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("to")
	// ok: GO-OPEN-REDIRECT
	http.Redirect(w, r, "/leaving?to="+url.QueryEscape(target), http.StatusFound)
	// ok: GO-OPEN-REDIRECT
	http.Redirect(w, r, "https://partner.example.com/landing?ref="+target, http.StatusFound)
	// A bare "/" is not a fixed local path: "/" + target can become //evil.example.
	// ruleid: GO-OPEN-REDIRECT
	http.Redirect(w, r, "/"+target, http.StatusFound)
	// ruleid: GO-OPEN-REDIRECT
	w.Header().Set("Location", target)
	// ok: GO-OPEN-REDIRECT
	w.Header().Set("X-Requested", target)
	w.WriteHeader(http.StatusSeeOther)
}

func back(c *gin.Context) {
	dest := c.DefaultQuery("back", "/")
	// ruleid: GO-OPEN-REDIRECT
	c.Redirect(http.StatusFound, dest)
	dest = "/"
	// ok: GO-OPEN-REDIRECT
	c.Redirect(http.StatusFound, dest)
}
