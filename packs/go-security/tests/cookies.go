package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func login(w http.ResponseWriter, c *gin.Context, sid string, secure bool) {
	// ruleid: GO-COOKIE-INSECURE
	http.SetCookie(w, &http.Cookie{Name: "session", Value: sid})
	// ruleid: GO-COOKIE-INSECURE
	ck := &http.Cookie{Name: "session", Value: sid, Secure: true}
	// ruleid: GO-COOKIE-INSECURE
	ck = &http.Cookie{Name: "session", Value: sid, Secure: false, HttpOnly: true}
	// ok: GO-COOKIE-INSECURE
	ck = &http.Cookie{Name: "session", Value: sid, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
	// ok: GO-COOKIE-INSECURE
	ck = &http.Cookie{
		Name:     "session",
		Value:    sid,
		Secure:   secure,
		HttpOnly: true,
	}
	// ruleid: GO-COOKIE-INSECURE
	c.SetCookie("session", sid, 3600, "/", "", false, true)
	// ruleid: GO-COOKIE-INSECURE
	c.SetCookie("session", sid, 3600, "/", "", true, false)
	// ok: GO-COOKIE-INSECURE
	c.SetCookie("session", sid, 3600, "/", "", true, true)
	// ok: GO-COOKIE-INSECURE
	msg := "http.Cookie{Name: \"session\"} needs Secure"
	// ok: GO-COOKIE-INSECURE
	// http.SetCookie(w, &http.Cookie{Name: "session", Value: sid})
	_, _ = ck, msg
}
