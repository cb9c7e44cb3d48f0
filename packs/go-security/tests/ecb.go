package cryptoutil

import (
	"crypto/aes"
	"crypto/cipher"

	"github.com/andreburgaud/crypt2go/ecb"
)

func encrypt(key, iv, plain []byte) []byte {
	block, _ := aes.NewCipher(key)
	// ruleid: GO-ECB-MODE
	mode := ecb.NewECBEncrypter(block)
	// ruleid: GO-ECB-MODE
	dec := NewECBDecrypter(block)
	// ok: GO-ECB-MODE
	cbc := cipher.NewCBCEncrypter(block, iv)
	// ok: GO-ECB-MODE
	gcm, _ := cipher.NewGCM(block)
	// ok: GO-ECB-MODE
	note := "ecb.NewECBEncrypter(block) leaks patterns"
	// ok: GO-ECB-MODE
	// mode := ecb.NewECBEncrypter(block)
	_, _, _, _, _ = mode, dec, cbc, gcm, note
	return plain
}

// ok: GO-ECB-MODE
func NewECBDecrypter(b cipher.Block) cipher.BlockMode { return nil }
