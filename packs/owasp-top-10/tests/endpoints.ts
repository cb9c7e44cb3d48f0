// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
// const API: string = "http://api.payments-provider.com/v1";
// ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
const API: string = "http://api.payments-provider.com/v1";
// ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
fetch('http://feeds.partner-news.net/rss', { method: "GET" });
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
const SECURE = "https://api.payments-provider.com/v1";
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
const DEV = "http://localhost:3000";
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
const SVG_NS = "http://www.w3.org/2000/svg";
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
el.setAttributeNS("http://www.w3.org/1999/xlink", "href", url);
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
const attrs = { xmlns: "http://maps.vendor-cdn.com/kml/2.2" };
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
const msg = 'upgrade "http://api.payments-provider.com" to https';
// ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
const n: number = 1;
