package auth

import (
	"crypto/rand"
	"io"
	"math/big"
)

func newKey() ([]byte, error) {
	key := make([]byte, 32)
	// ruleid: GO-ERROR-IGNORED-CRYPTO
	rand.Read(key)
	// ok: GO-ERROR-IGNORED-CRYPTO
	if _, err := rand.Read(key); err != nil { return err }
	// ruleid: GO-ERROR-IGNORED-CRYPTO
	_, _ = rand.Read(key)
	// ruleid: GO-ERROR-IGNORED-CRYPTO
	io.ReadFull(rand.Reader, key)
	// ok: GO-ERROR-IGNORED-CRYPTO
	n, err := rand.Read(key)
	// ok: GO-ERROR-IGNORED-CRYPTO
	if _, err := io.ReadFull(rand.Reader, key); err != nil {
		return nil, err
	}
	// ok: GO-ERROR-IGNORED-CRYPTO
	src.Read(key)
	// ok: GO-ERROR-IGNORED-CRYPTO
	doc := `
rand.Read(key) // ok: GO-ERROR-IGNORED-CRYPTO
`
	// ok: GO-ERROR-IGNORED-CRYPTO
	// rand.Read(key)

	// crypto/rand.Int takes a reader and a bound: not math/rand.
	// ok: GO-MATH-RAND-SECRET
	token, err := rand.Int(rand.Reader, big.NewInt(1<<62))
	_, _, _ = n, doc, token
	return key, err
}

// ok: GO-ERROR-IGNORED-CRYPTO
func (s *stream) Read(p []byte) (int, error) { return len(p), nil }
