package main

func handle(w http.ResponseWriter, r *http.Request, req *http.Request, resp *http.Response) {
	// ruleid: OWASP-A04-GO-UNBOUNDED-BODY
	body, err := io.ReadAll(r.Body)
	// ok: OWASP-A04-GO-UNBOUNDED-BODY
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	// ruleid: OWASP-A04-GO-UNBOUNDED-BODY
	raw, _ := ioutil.ReadAll(req.Body)
	// ok: OWASP-A04-GO-UNBOUNDED-BODY
	page, _ := io.ReadAll(resp.Body)
	// ok: OWASP-A04-GO-UNBOUNDED-BODY
	limited, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	// ok: OWASP-A04-GO-UNBOUNDED-BODY
	msg := "io.ReadAll(r.Body)"
	// ok: OWASP-A04-GO-UNBOUNDED-BODY
	// body, err := io.ReadAll(r.Body)

	// ruleid: OWASP-A05-CORS-WILDCARD-HEADER
	w.Header().Set("Access-Control-Allow-Origin", "*")
	// ok: OWASP-A05-CORS-WILDCARD-HEADER
	w.Header().Set("Access-Control-Allow-Origin", allowed(origin))

	// ruleid: OWASP-A08-GO-GOB-FROM-REQUEST
	dec := gob.NewDecoder(r.Body)
	// ok: OWASP-A08-GO-GOB-FROM-REQUEST
	dec := json.NewDecoder(r.Body)
	// ruleid: OWASP-A08-GO-GOB-FROM-REQUEST
	if err := gob.NewDecoder(request.Body).Decode(&msg); err != nil {
		return
	}
	// ok: OWASP-A08-GO-GOB-FROM-REQUEST
	dec = gob.NewDecoder(file)
	// ok: OWASP-A08-GO-GOB-FROM-REQUEST
	note := "gob.NewDecoder(r.Body)"
	// ok: OWASP-A08-GO-GOB-FROM-REQUEST
	// dec := gob.NewDecoder(r.Body)

	// ruleid: OWASP-A09-GO-EMPTY-ERROR-BRANCH
	if err != nil {}
	// ok: OWASP-A09-GO-EMPTY-ERROR-BRANCH
	if err != nil { return fmt.Errorf("load: %w", err) }
	// ruleid: OWASP-A09-GO-EMPTY-ERROR-BRANCH
	if err := conn.Close(); err != nil {
	}
	// ok: OWASP-A09-GO-EMPTY-ERROR-BRANCH
	if err != nil {
		// best effort: the cache is rebuilt on the next start
	}
	// ok: OWASP-A09-GO-EMPTY-ERROR-BRANCH
	if err == nil {}
	// ok: OWASP-A09-GO-EMPTY-ERROR-BRANCH
	s := "if err != nil {}"
	// ok: OWASP-A09-GO-EMPTY-ERROR-BRANCH
	// if err != nil {}
}

// ok: OWASP-A04-GO-UNBOUNDED-BODY
func ReadAll(r io.Reader) ([]byte, error) { return nil, nil }
