// ruleid: GO-SQL-CONCAT
rows, err := db.Query("SELECT * FROM users WHERE name = '" + name + "'")
// ok: GO-SQL-CONCAT
rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)
// ruleid: GO-EXEC-SHELL
out, err := exec.Command("sh", "-c", "tar xf "+name).Output()
// ok: GO-EXEC-SHELL
out, err := exec.Command("tar", "xf", name).Output()
// ruleid: GO-WEAK-HASH
sum := md5.Sum([]byte(password))
// ok: GO-WEAK-HASH
sum := sha256.Sum256([]byte(password))
// ruleid: GO-WEAK-CIPHER
block, err := des.NewCipher(key)
// ok: GO-WEAK-CIPHER
block, err := aes.NewCipher(key)
// ruleid: GO-INSECURE-SKIP-VERIFY
cfg := &tls.Config{InsecureSkipVerify: true}
// ok: GO-INSECURE-SKIP-VERIFY
cfg := &tls.Config{RootCAs: pool}
// ruleid: GO-TLS-MIN-VERSION
cfg := &tls.Config{MinVersion: tls.VersionTLS10}
// ok: GO-TLS-MIN-VERSION
cfg := &tls.Config{MinVersion: tls.VersionTLS12}
// ruleid: GO-UNSAFE
import "unsafe"
// ok: GO-UNSAFE
import "unicode"
// ruleid: GO-MATH-RAND-SECRET
resetToken := rand.Int63()
// ok: GO-MATH-RAND-SECRET
delay := rand.Intn(100)
// ruleid: GO-TEMPLATE-HTML-CAST
data := template.HTML(r.FormValue("bio"))
// ok: GO-TEMPLATE-HTML-CAST
data := template.HTML("<br>")
// ruleid: GO-TEXT-TEMPLATE-HTML
import "text/template"
// ok: GO-TEXT-TEMPLATE-HTML
import "html/template"
// ruleid: GO-PATH-TRAVERSAL
f, err := os.Open(filepath.Join(base, r.URL.Query().Get("file")))
// ok: GO-PATH-TRAVERSAL
f, err := root.Open(name)
// ruleid: GO-SSRF
resp, err := http.Get(r.URL.Query().Get("url"))
// ok: GO-SSRF
resp, err := http.Get(cfg.UpstreamURL)
// ruleid: GO-BIND-ALL
srv := net.Listen("tcp", ":8080")
// ok: GO-BIND-ALL
srv := net.Listen("tcp", "127.0.0.1:8080")
// ruleid: GO-HTTP-NO-TIMEOUT
log.Fatal(http.ListenAndServe(addr, mux))
// ok: GO-HTTP-NO-TIMEOUT
srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
// ruleid: GO-DECOMPRESSION-BOMB
io.Copy(out, gzr)
// ok: GO-DECOMPRESSION-BOMB
io.Copy(out, io.LimitReader(gzr, maxSize))
// ruleid: GO-ERROR-IGNORED-CRYPTO
rand.Read(key)
// ok: GO-ERROR-IGNORED-CRYPTO
if _, err := rand.Read(key); err != nil { return err }
