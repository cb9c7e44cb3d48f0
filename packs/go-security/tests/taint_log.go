// GO-LOG-INJECTION: request data printed raw into the log (data-flow rule).
package handlers

import (
	"log"
	"net/http"
	"strconv"
	"strings"
)

func describe(user string) string {
	return "login attempt for " + user
}

func oneLine(s string) string {
	return strings.ReplaceAll(s, "\n", " ")
}

func loginAttempt(w http.ResponseWriter, r *http.Request) {
	user := r.PostFormValue("user")
	// ruleid: GO-LOG-INJECTION
	log.Println(describe(user))
	// ok: GO-LOG-INJECTION
	log.Println(describe(oneLine(user)))
	// ruleid: GO-LOG-INJECTION
	log.Printf("login attempt for %s from %s", user, r.RemoteAddr)
	// ok: GO-LOG-INJECTION
	log.Printf("login attempt for %q", user)
	// ok: GO-LOG-INJECTION
	log.Print("login attempt for " + strconv.Quote(user))
}

func itemMissing(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	msg := "item " + id + " not found"
	// ruleid: GO-LOG-INJECTION
	log.Printf(msg)
	n, err := strconv.Atoi(id)
	if err == nil {
		// ok: GO-LOG-INJECTION
		log.Printf("item %v not found", n)
	}
	note := r.Header.Get("X-Note")
	note = "none"
	// ok: GO-LOG-INJECTION
	log.Print("note: " + note)
	http.NotFound(w, r)
}
