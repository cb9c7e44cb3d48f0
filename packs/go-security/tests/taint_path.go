// GO-PATH-TRAVERSAL: request data reaching a file path (data-flow rule).
package handlers

import (
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

const uploads = "/srv/app/uploads"

func uploadPath(name string) string {
	return filepath.Join(uploads, name)
}

func safeUploadPath(name string) string {
	return filepath.Join(uploads, filepath.Base(name))
}

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: GO-PATH-TRAVERSAL
	f, err := os.Open(uploadPath(name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	io.Copy(w, f)
	// ok: GO-PATH-TRAVERSAL
	g, err := os.Open(safeUploadPath(name))
	_, _ = g, err
}

func serve(w http.ResponseWriter, r *http.Request) {
	p := filepath.Clean(r.URL.Path)
	// ruleid: GO-PATH-TRAVERSAL
	http.ServeFile(w, r, filepath.Join(uploads, p))
	// ok: GO-PATH-TRAVERSAL
	http.ServeFile(w, r, filepath.Join(uploads, filepath.Base(p)))
}

func saveNote(w http.ResponseWriter, r *http.Request) {
	title := r.PostFormValue("title")
	body := []byte(r.PostFormValue("body"))
	target := uploads + "/notes/" + title + ".txt"
	// ruleid: GO-PATH-TRAVERSAL
	os.WriteFile(target, body, 0o600)
	// ok: GO-PATH-TRAVERSAL
	os.WriteFile(uploads+"/notes/latest.txt", body, 0o600)
	dir := r.PostFormValue("dir")
	dir = "inbox"
	// ok: GO-PATH-TRAVERSAL
	os.MkdirAll(filepath.Join(uploads, dir), 0o700)
}

func removeUpload(c *gin.Context) {
	victim := c.Param("name")
	// ruleid: GO-PATH-TRAVERSAL
	os.Remove(filepath.Join(uploads, victim))
	names := map[string]string{}
	names["index"] = "index.json"
	names["asked"] = victim
	// ok: GO-PATH-TRAVERSAL
	os.ReadFile(filepath.Join(uploads, names["index"]))
	// ruleid: GO-PATH-TRAVERSAL
	os.ReadFile(filepath.Join(uploads, names["asked"]))
}
