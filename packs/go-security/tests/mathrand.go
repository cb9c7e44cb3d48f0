package auth

import (
	"fmt"
	"math/rand"
	"strconv"
	"time"
)

type Session struct {
	ID    string
	Token int64
}

func tokens(user string, key []byte) {
	// ruleid: GO-MATH-RAND-SECRET
	resetToken := rand.Int63()
	// ok: GO-MATH-RAND-SECRET
	delay := rand.Intn(100)
	// ruleid: GO-MATH-RAND-SECRET
	apiKey := fmt.Sprintf("%x", rand.Uint64())
	// ruleid: GO-MATH-RAND-SECRET
	var otp = strconv.Itoa(100000 + rand.Intn(900000))
	// ruleid: GO-MATH-RAND-SECRET
	s := Session{ID: user, Token: rand.Int63()}
	// ruleid: GO-MATH-RAND-SECRET
	s.Token = rand.Int63()
	// ruleid: GO-MATH-RAND-SECRET
	password_salt := rand.Int()
	// ruleid: GO-MATH-RAND-SECRET
	if _, err := rand.Read(key); err != nil {
		return
	}
	// ok: GO-MATH-RAND-SECRET
	keyboardDelay := rand.Intn(50)
	// ok: GO-MATH-RAND-SECRET
	monkey := rand.Intn(3)
	// ok: GO-MATH-RAND-SECRET
	tokenTTL := 15 * time.Minute
	// ok: GO-MATH-RAND-SECRET
	jitter := rand.Intn(1000)
	// ok: GO-MATH-RAND-SECRET
	label := "token := rand.Int63()"
	// ok: GO-MATH-RAND-SECRET
	// sessionToken := rand.Int63()
	_, _, _, _, _, _, _, _, _, _ = resetToken, delay, apiKey, otp, s, password_salt, keyboardDelay, monkey, tokenTTL, jitter
	_ = label
}

// ok: GO-MATH-RAND-SECRET
func randToken() int64 { return 42 }
