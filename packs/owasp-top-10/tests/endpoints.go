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
