package com.example.app.crypto

import java.security.MessageDigest
import java.security.SecureRandom
import javax.crypto.Cipher
import kotlin.random.Random
import kotlin.random.asKotlinRandom

object Crypto {
    private val secure = SecureRandom()
    private val charPool = ('a'..'z') + ('A'..'Z') + ('0'..'9')

    fun hashes(data: ByteArray) {
        // ruleid: KT-WEAK-HASH
        val sha1 = MessageDigest.getInstance("SHA-1").digest(data)
        // ruleid: KT-WEAK-HASH
        val md = java.security.MessageDigest.getInstance("md5")
        // ok: KT-WEAK-HASH
        val sha256 = MessageDigest.getInstance("SHA-256")
        // ok: KT-WEAK-HASH
        val mac = Mac.getInstance("HmacSHA256")
        // ok: KT-WEAK-HASH
        val doc = "MessageDigest.getInstance(\"MD5\") is not allowed"
        // ok: KT-WEAK-HASH
        // val old = MessageDigest.getInstance("MD5")
        // ok: KT-WEAK-HASH
        val other = Registry.getInstance("MD5")
    }

    // ok: KT-WEAK-HASH
    fun getInstance(name: String): MessageDigest = MessageDigest.getInstance(name)

    fun ciphers() {
        // ruleid: KT-WEAK-CIPHER
        val des = Cipher.getInstance("DES/CBC/PKCS5Padding")
        // ruleid: KT-WEAK-CIPHER
        val bare = javax.crypto.Cipher.getInstance("AES")
        // ruleid: KT-WEAK-CIPHER
        val rc4 = Cipher.getInstance("RC4")
        // ok: KT-WEAK-CIPHER
        val gcm = Cipher.getInstance("AES/GCM/NoPadding")
        // ok: KT-WEAK-CIPHER
        val cbc = Cipher.getInstance("AES/CBC/PKCS5Padding")
        // ok: KT-WEAK-CIPHER
        val text = "Cipher.getInstance(\"DES\") was removed"
        // ok: KT-WEAK-CIPHER
        // Cipher.getInstance("AES/ECB/PKCS5Padding")
    }

    fun randomness() {
        // ruleid: KT-INSECURE-RANDOM
        val sessionToken: String = (1..32).map { charPool.random() }.joinToString("")
        // ruleid: KT-INSECURE-RANDOM
        val otp = (100000..999999).random()
        // ruleid: KT-INSECURE-RANDOM
        val passwordSalt = java.util.Random().nextLong()
        // ruleid: KT-INSECURE-RANDOM
        val apiKey by lazy { Random.Default.nextBytes(32).toHex() }
        var resetNonce = 0L
        // ruleid: KT-INSECURE-RANDOM
        resetNonce = ThreadLocalRandom.current().nextLong()

        // ruleid: KT-INSECURE-RANDOM
        val sessionKey = ThreadLocalRandom.current().nextInt()
        // ruleid: KT-INSECURE-RANDOM
        val nonceSeeded = Random(42).nextLong()
        // ruleid: KT-INSECURE-RANDOM
        val saltValue = Math.random().toString()
        // ruleid: KT-INSECURE-RANDOM
        val csrfToken = kotlin.random.Random.nextBytes(16)

        // ok: KT-INSECURE-RANDOM
        val sessionRandom = SecureRandom()
        // ok: KT-INSECURE-RANDOM
        val tokenId = repository.nextId()
        // ok: KT-INSECURE-RANDOM
        val dice = (1..6).random()
        // ok: KT-INSECURE-RANDOM
        val token = (1..32).map { charPool.random(secure.asKotlinRandom()) }.joinToString("")
        // ok: KT-INSECURE-RANDOM
        val nonce = ByteArray(16).also { secure.nextBytes(it) }
        // ok: KT-INSECURE-RANDOM
        val tokenHint = "never use Random.nextLong() for a token"
        // ok: KT-INSECURE-RANDOM
        // val resetToken = Random.nextLong()
    }
}
