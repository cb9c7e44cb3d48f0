package com.example.auth;

import java.security.SecureRandom;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;

// Generators behind values named like secrets (java.util.* makes Random java.util.Random).
public class Tokens {
    private String sessionId;
    private final Random jitter = new Random();  // ruleid: JAVA-RANDOM-IN-SECURITY-CODE

    String issue() {
        // ruleid: JAVA-INSECURE-RANDOM, JAVA-RANDOM-IN-SECURITY-CODE
        String resetToken = Long.toHexString(new Random().nextLong());
        // ruleid: JAVA-INSECURE-RANDOM, JAVA-RANDOM-IN-SECURITY-CODE
        int otp = 100000 + ThreadLocalRandom.current().nextInt(900000);
        // ruleid: JAVA-INSECURE-RANDOM, JAVA-RANDOM-IN-SECURITY-CODE
        String apiKey = String.valueOf((long) (Math.random() * 1_000_000_000L));
        // ruleid: JAVA-INSECURE-RANDOM, JAVA-RANDOM-IN-SECURITY-CODE
        this.sessionId = Long.toHexString(new java.util.Random(42).nextLong());
        // ok: JAVA-INSECURE-RANDOM
        String csrfToken = Long.toHexString(new SecureRandom().nextLong());
        // ok: JAVA-INSECURE-RANDOM
        long backoffMillis = 100 + jitter.nextInt(50);
        // ok: JAVA-INSECURE-RANDOM
        double sample = Math.random();  // ruleid: JAVA-RANDOM-IN-SECURITY-CODE
        // ok: JAVA-INSECURE-RANDOM
        String pinToken = dice.random();
        // ok: JAVA-INSECURE-RANDOM
        String tokenHelp = "never build a token with new Random() or Math.random()";
        // ok: JAVA-INSECURE-RANDOM
        // String token = Long.toHexString(new Random().nextLong());
        return resetToken;
    }
}
