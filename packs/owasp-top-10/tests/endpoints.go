package main

// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
// const old = "http://api.payments-provider.com/v1"
// ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
const api = "http://api.payments-provider.com/v1"

// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
const secure = "https://api.payments-provider.com/v1"

type Feed struct {
	// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
}

func run() {
	// ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
	resp, _ := http.Get("http://feeds.partner-news.net/rss")
	// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
	resp, _ = http.Get("http://127.0.0.1:8080/health")
	_ = resp
}

func check(w http.ResponseWriter, u User, password string) bool {
	// ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
	if password == "Winter2024" {
		return true
	}
	// ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
	if u.Password == "Winter2024" {
		return true
	}
	// ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
	if password == "" {
		return false
	}
	// ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
	ok := bcrypt.CompareHashAndPassword(u.Hash, []byte(password)) == nil
	// ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
	hint := "password == \"Winter2024\""
	// ruleid: OWASP-A05-CORS-WILDCARD-HEADER
	w.Header().Add("access-control-allow-origin", "*")
	// ok: OWASP-A05-CORS-WILDCARD-HEADER
	w.Header().Set("Access-Control-Allow-Headers", "*")
	// ok: OWASP-A05-CORS-WILDCARD-HEADER
	note := "Access-Control-Allow-Origin, *"
	// ok: OWASP-A05-CORS-WILDCARD-HEADER
	// w.Header().Set("Access-Control-Allow-Origin", "*")
	return ok
}
