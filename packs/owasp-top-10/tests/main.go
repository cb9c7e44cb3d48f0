// ruleid: OWASP-A04-GO-UNBOUNDED-BODY
body, err := io.ReadAll(r.Body)
// ok: OWASP-A04-GO-UNBOUNDED-BODY
body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
// ruleid: OWASP-A05-CORS-WILDCARD-HEADER
w.Header().Set("Access-Control-Allow-Origin", "*")
// ok: OWASP-A05-CORS-WILDCARD-HEADER
w.Header().Set("Access-Control-Allow-Origin", allowed(origin))
// ruleid: OWASP-A08-GO-GOB-FROM-REQUEST
dec := gob.NewDecoder(r.Body)
// ok: OWASP-A08-GO-GOB-FROM-REQUEST
dec := json.NewDecoder(r.Body)
// ruleid: OWASP-A09-GO-EMPTY-ERROR-BRANCH
if err != nil {}
// ok: OWASP-A09-GO-EMPTY-ERROR-BRANCH
if err != nil { return fmt.Errorf("load: %w", err) }
