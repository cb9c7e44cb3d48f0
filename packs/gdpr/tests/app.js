// ruleid: GDPR-TRACKER
gtag("config", "G-ABC123");
// ok: GDPR-TRACKER
consent.onGranted("analytics", () => loadAnalytics());
