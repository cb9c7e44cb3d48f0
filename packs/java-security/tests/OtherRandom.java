package com.example.auth;

import com.example.crypto.Random;

// Random here is the project's own (CSPRNG-backed) class, not java.util.Random.
public class OtherRandom {
    String issue() {
        // ok: JAVA-INSECURE-RANDOM
        String sessionToken = new Random().nextToken();
        return sessionToken;
    }
}
