package main

// ruleid: GO-UNSAFE
import "unsafe"

// ok: GO-UNSAFE
import "unicode"

import (
	"context"
	"crypto/aes"
	"crypto/des"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/tls"
	"database/sql"
	"fmt"
	"html/template"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// ok: GO-UNSAFE
var bannedImports = []string{
	// ok: GO-UNSAFE
	"unsafe",
	"reflect",
}

// Lookalike declarations: functions and methods named like the flagged ones.
type Store struct{ db *sql.DB }

// ok: GO-SQL-CONCAT
func (s *Store) Query(q string, args ...any) (*sql.Rows, error) { return s.db.Query(q, args...) }

// ok: GO-HTTP-NO-TIMEOUT
func ListenAndServe(addr string, h http.Handler) error { return nil }

func sqlExamples(ctx context.Context, db *sql.DB, r *http.Request) {
	name := r.FormValue("name")
	id := r.URL.Query().Get("id")
	// ruleid: GO-SQL-CONCAT
	rows, err := db.Query("SELECT * FROM users WHERE name = '" + name + "'")
	// ok: GO-SQL-CONCAT
	rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)
	// ruleid: GO-SQL-CONCAT
	db.Exec(fmt.Sprintf("DELETE FROM users WHERE id = %s", id))
	// ruleid: GO-SQL-CONCAT
	row := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = "+fmt.Sprint(id))
	// ruleid: GO-SQL-CONCAT
	_, err = db.ExecContext(ctx, fmt.Sprintf("UPDATE users SET name = '%s'", name))
	rows, err = db.Query(
		// ruleid: GO-SQL-CONCAT
		"SELECT * FROM users WHERE name = '" + name + "'")
	// ok: GO-SQL-CONCAT
	rows, err = db.Query("SELECT id, name " +
		// ok: GO-SQL-CONCAT
		"FROM users WHERE id = $1", id)
	// ok: GO-SQL-CONCAT
	rows, err = db.QueryContext(ctx, `SELECT * FROM users WHERE id = $1`, id)
	// ok: GO-SQL-CONCAT
	log.Println("db.Query(\"SELECT * FROM t WHERE a = '\" + name + \"'\")")
	// ok: GO-SQL-CONCAT
	// db.Query("SELECT * FROM users WHERE name = '" + name + "'")
	_, _, _ = rows, row, err
}

func execExamples(ctx context.Context, name string) {
	// ruleid: GO-EXEC-SHELL
	out, err := exec.Command("sh", "-c", "tar xf "+name).Output()
	// ok: GO-EXEC-SHELL
	out, err := exec.Command("tar", "xf", name).Output()
	// ruleid: GO-EXEC-SHELL
	cmd := exec.CommandContext(ctx, "/bin/bash", "-c", name)
	// ruleid: GO-EXEC-SHELL
	cmd = exec.Command("cmd.exe", "/C", "dir "+name)
	// ruleid: GO-EXEC-SHELL
	cmd = exec.Command("bash", "-lc", name)
	// ok: GO-EXEC-SHELL
	cmd = exec.Command("sh", "./install.sh", name)
	// ok: GO-EXEC-SHELL
	cmd = exec.CommandContext(ctx, "git", "-c", "core.editor=true", "commit")
	// ok: GO-EXEC-SHELL
	fmt.Println(`exec.Command("sh", "-c", cmdline)`)
	// ok: GO-EXEC-SHELL
	// exec.Command("sh", "-c", cmdline)
	_, _, _ = out, err, cmd
}

type digests struct{ md5 hashSum }

type hashSum struct{}

func (hashSum) Sum(b []byte) []byte { return b }

func hashExamples(password string, data []byte, d digests) {
	// ruleid: GO-WEAK-HASH
	sum := md5.Sum([]byte(password))
	// ok: GO-WEAK-HASH
	sum := sha256.Sum256([]byte(password))
	// ruleid: GO-WEAK-HASH
	h := sha1.New()
	// ruleid: GO-WEAK-HASH
	fp := fmt.Sprintf("%x", sha1.Sum(data))
	// ok: GO-WEAK-HASH
	h = sha256.New()
	// ok: GO-WEAK-HASH
	out := d.md5.Sum(nil)
	// ok: GO-WEAK-HASH
	n := md5.Size + sha1.BlockSize
	// ok: GO-WEAK-HASH
	log.Print("md5.Sum(data) is deprecated here")
	// ok: GO-WEAK-HASH
	// sum := md5.Sum(data)
	_, _, _, _, _ = sum, h, fp, out, n
}

func cipherExamples(key []byte) {
	// ruleid: GO-WEAK-CIPHER
	block, err := des.NewCipher(key)
	// ok: GO-WEAK-CIPHER
	block, err := aes.NewCipher(key)
	// ruleid: GO-WEAK-CIPHER
	block, err = des.NewTripleDESCipher(key)
	// ruleid: GO-WEAK-CIPHER
	stream, err := rc4.NewCipher(key)
	// ok: GO-WEAK-CIPHER
	block, err = blowfishx.NewCipher(key)
	// ok: GO-WEAK-CIPHER
	log.Print("des.NewCipher(key) was replaced")
	// ok: GO-WEAK-CIPHER
	// block, err := des.NewCipher(key)
	_, _, _ = block, stream, err
}

func tlsExamples(pool *x509.CertPool, insecure bool) {
	// ruleid: GO-INSECURE-SKIP-VERIFY
	cfg := &tls.Config{InsecureSkipVerify: true}
	// ok: GO-INSECURE-SKIP-VERIFY
	cfg := &tls.Config{RootCAs: pool}
	// ruleid: GO-INSECURE-SKIP-VERIFY
	cfg.InsecureSkipVerify = true
	cfg = &tls.Config{
		RootCAs: pool,
		// ruleid: GO-INSECURE-SKIP-VERIFY
		InsecureSkipVerify: true,
	}
	// ok: GO-INSECURE-SKIP-VERIFY
	cfg = &tls.Config{InsecureSkipVerify: false}
	// ok: GO-INSECURE-SKIP-VERIFY
	cfg = &tls.Config{InsecureSkipVerify: insecure}
	// ok: GO-INSECURE-SKIP-VERIFY
	log.Print("set InsecureSkipVerify: true only in tests")
	// ok: GO-INSECURE-SKIP-VERIFY
	// InsecureSkipVerify: true,

	// ruleid: GO-TLS-MIN-VERSION
	cfg := &tls.Config{MinVersion: tls.VersionTLS10}
	// ok: GO-TLS-MIN-VERSION
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	// ruleid: GO-TLS-MIN-VERSION
	cfg.MinVersion = tls.VersionTLS11
	// ruleid: GO-TLS-MIN-VERSION
	cfg = &tls.Config{MinVersion: 0x0301}
	// ruleid: GO-TLS-MIN-VERSION
	cfg = &tls.Config{MaxVersion: tls.VersionSSL30}
	// ok: GO-TLS-MIN-VERSION
	cfg.MinVersion = tls.VersionTLS13
	// ok: GO-TLS-MIN-VERSION
	log.Print("MinVersion: tls.VersionTLS10 is rejected")
	// ok: GO-TLS-MIN-VERSION
	// MinVersion: tls.VersionTLS10,
	_ = cfg
}

func templateExamples(r *http.Request, bio string) {
	// ruleid: GO-TEMPLATE-HTML-CAST, GO-XSS
	data := template.HTML(r.FormValue("bio"))
	// ok: GO-TEMPLATE-HTML-CAST
	data := template.HTML("<br>")
	// ruleid: GO-TEMPLATE-HTML-CAST
	data = template.HTML("<p>" + bio + "</p>")
	// ruleid: GO-TEMPLATE-HTML-CAST
	js := template.JS(bio)
	// ok: GO-TEMPLATE-HTML-CAST
	data = template.HTML("<p>" + "static" + "</p>")
	// ok: GO-TEMPLATE-HTML-CAST
	data = template.HTML(`<hr>`)
	// ok: GO-TEMPLATE-HTML-CAST
	log.Print("template.HTML(bio) disables escaping")
	// ok: GO-TEMPLATE-HTML-CAST
	// data := template.HTML(bio)
	_, _ = data, js
}

func fileExamples(w http.ResponseWriter, r *http.Request, c *gin.Context, base string, root *os.Root, name string) {
	// ruleid: GO-PATH-TRAVERSAL
	f, err := os.Open(filepath.Join(base, r.URL.Query().Get("file")))
	// ok: GO-PATH-TRAVERSAL
	f, err := root.Open(name)
	// ruleid: GO-PATH-TRAVERSAL
	b, err := os.ReadFile(base + "/" + c.Param("name"))
	// ruleid: GO-PATH-TRAVERSAL
	http.ServeFile(w, r, r.FormValue("path"))
	// ruleid: GO-PATH-TRAVERSAL
	b, err = ioutil.ReadFile(filepath.Join(base, mux.Vars(r)["file"]))
	// ok: GO-PATH-TRAVERSAL
	f, err = os.Open(filepath.Join(base, filepath.Base(r.FormValue("file"))))
	// ok: GO-PATH-TRAVERSAL
	http.ServeFile(w, r, "static/index.html")
	// ok: GO-PATH-TRAVERSAL
	log.Print("os.Open(r.FormValue(\"file\")) is unsafe")
	// ok: GO-PATH-TRAVERSAL
	// f, err := os.Open(r.FormValue("file"))
	_, _, _ = f, b, err
}

func ssrfExamples(r *http.Request, c *gin.Context, cfg Config, client *http.Client) {
	// ruleid: GO-SSRF
	resp, err := http.Get(r.URL.Query().Get("url"))
	// ok: GO-SSRF
	resp, err := http.Get(cfg.UpstreamURL)
	// ruleid: GO-SSRF
	resp, err = http.Post(r.FormValue("callback"), "application/json", nil)
	// ruleid: GO-SSRF
	resp, err = http.Head(c.Query("target"))
	// ok: GO-SSRF
	resp, err = http.Get("https://api.example.com/search?q=" + r.FormValue("q"))
	// ok: GO-SSRF
	resp, err = client.Get(cfg.UpstreamURL)
	// ok: GO-SSRF
	log.Print("http.Get(r.FormValue(\"url\")) is SSRF")
	// ok: GO-SSRF
	// resp, err := http.Get(r.FormValue("url"))
	_, _ = resp, err
}

func serverExamples(addr, port string, mux *http.ServeMux) {
	// ruleid: GO-BIND-ALL
	srv := net.Listen("tcp", ":8080")
	// ok: GO-BIND-ALL
	srv := net.Listen("tcp", "127.0.0.1:8080")
	// ruleid: GO-BIND-ALL
	ln, err := net.Listen("tcp4", "0.0.0.0:9000")
	// ruleid: GO-BIND-ALL
	ln, err = net.Listen("tcp", ":"+port)
	// ruleid: GO-BIND-ALL
	ln, err = net.Listen("tcp6", "[::]:443")
	// ok: GO-BIND-ALL
	ln, err = net.Listen("tcp", "localhost:"+port)
	// ok: GO-BIND-ALL
	ln, err = net.Listen("unix", "/run/app.sock")
	// ok: GO-BIND-ALL
	log.Print(`net.Listen("tcp", ":8080")`)
	// ok: GO-BIND-ALL
	// ln, err := net.Listen("tcp", ":8080")

	// ruleid: GO-HTTP-NO-TIMEOUT
	log.Fatal(http.ListenAndServe(addr, mux))
	// ok: GO-HTTP-NO-TIMEOUT
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	// ruleid: GO-HTTP-NO-TIMEOUT
	err = http.ListenAndServeTLS(addr, "cert.pem", "key.pem", mux)
	// ok: GO-HTTP-NO-TIMEOUT
	err = srv.ListenAndServe()
	// ok: GO-HTTP-NO-TIMEOUT
	log.Print("http.ListenAndServe(addr, mux) has no timeouts")
	// ok: GO-HTTP-NO-TIMEOUT
	// log.Fatal(http.ListenAndServe(addr, mux))
	_, _, _ = srv, ln, err
}
