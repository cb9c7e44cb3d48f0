// GO-SSRF: request data choosing where the server connects (data-flow rule).
package handlers

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
)

var client = &http.Client{}

func previewURL(raw string) string {
	return strings.TrimSpace(raw)
}

func preview(w http.ResponseWriter, r *http.Request) {
	target := previewURL(r.FormValue("url"))
	// ruleid: GO-SSRF
	resp, err := http.Get(target)
	// ok: GO-SSRF
	resp, err = http.Get("https://preview.example.com/render?u=" + url.QueryEscape(target))
	if err == nil {
		io.Copy(io.Discard, resp.Body)
	}
}

func webhook(w http.ResponseWriter, r *http.Request) {
	callback := r.Header.Get("X-Callback-URL")
	// ruleid: GO-SSRF
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, callback, strings.NewReader("{}"))
	if err != nil {
		return
	}
	client.Do(req)
	// ok: GO-SSRF
	req, err = http.NewRequest(http.MethodPost, fmt.Sprintf("https://hooks.example.com/%s", callback), nil)
	// ruleid: GO-SSRF
	req, err = http.NewRequest(http.MethodPost, fmt.Sprintf("%s/hook", callback), nil)
	_ = req
}

func mirror(c *gin.Context) {
	upstream := c.Query("upstream")
	// ruleid: GO-SSRF
	resp, err := client.Get(upstream)
	upstream = "https://mirror.example.com/index"
	// ok: GO-SSRF
	resp, err = client.Get(upstream)
	_, _ = resp, err
}
