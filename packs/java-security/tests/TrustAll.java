package com.example.http;

import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
// ok: JAVA-TRUST-ALL
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.ssl.SSLContexts;

public class TrustAll {
    static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        // ruleid: JAVA-TRUST-ALL
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trust everyone
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    };

    static final X509TrustManager PINNED = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        // ok: JAVA-TRUST-ALL
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            Pins.check(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    };

    void configure() throws Exception {
        // ruleid: JAVA-TRUST-ALL
        HttpsURLConnection.setDefaultHostnameVerifier((host, sslSession) -> true);
        // ruleid: JAVA-TRUST-ALL
        HostnameVerifier any = (hostname, session) -> true;
        // ruleid: JAVA-TRUST-ALL
        SSLConnectionSocketFactory f = new SSLConnectionSocketFactory(SSLContexts.createDefault(), NoopHostnameVerifier.INSTANCE);
        // ruleid: JAVA-TRUST-ALL
        SSLConnectionSocketFactory g = new SSLConnectionSocketFactory(SSLContexts.createDefault(), new NoopHostnameVerifier());
        // ruleid: JAVA-TRUST-ALL
        SSLContexts.custom().loadTrustMaterial(null, (chain, authType) -> true);
        // ruleid: JAVA-TRUST-ALL
        f = new SSLConnectionSocketFactory(SSLContexts.createDefault(), SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);
        HostnameVerifier anon = new HostnameVerifier() {
            @Override
            // ruleid: JAVA-TRUST-ALL
            public boolean verify(String hostname, SSLSession session) {
                return true;
            }
        };
        // ok: JAVA-TRUST-ALL
        HttpsURLConnection.setDefaultHostnameVerifier((host, sslSession) -> "api.example.com".equals(host));
        // ok: JAVA-TRUST-ALL
        String doc = "NoopHostnameVerifier and ALLOW_ALL_HOSTNAME_VERIFIER are banned";
        // ok: JAVA-TRUST-ALL
        // HttpsURLConnection.setDefaultHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        // ok: JAVA-TRUST-ALL
        TRUST_ALL.checkServerTrusted(new X509Certificate[0], "RSA");
        // ok: JAVA-TRUST-ALL
        java.util.function.BiPredicate<String, Object> always = (item, session) -> true;
    }
}
