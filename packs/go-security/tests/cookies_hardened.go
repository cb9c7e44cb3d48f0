package web

import "net/http"

// The flags are set after the literal is built: the file assigns Secure and HttpOnly.
func setSession(w http.ResponseWriter, sid string) {
	// ok: GO-COOKIE-INSECURE
	ck := &http.Cookie{Name: "session", Value: sid, Path: "/"}
	ck.Secure = true
	ck.HttpOnly = true
	http.SetCookie(w, ck)
}
