//! The public documentation pages, all served from the binary so they work with no
//! network: `/api` (a landing page built from the OpenAPI document and the permission
//! table), `/docs` (Swagger UI, vendored by `utoipa-swagger-ui`) and `/redoc` (ReDoc's
//! standalone script, embedded from `assets/redoc`).

use std::fmt::Write as _;
use std::sync::OnceLock;

use axum::Router;
use axum::http::header;
use axum::response::{Html, IntoResponse};
use axum::routing::get;

use crate::auth::{self, ROLE_PERMISSIONS};

const REDOC_JS: &str = include_str!("../assets/redoc/redoc.standalone.js");
/// ReDoc's footer links its logo from a CDN; the served copy uses an inline image instead.
const REDOC_CDN_LOGO: &str = "https://cdn.redoc.ly/redoc/logo-mini.svg";
const INLINE_LOGO: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";

/// The documentation routes.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    let swagger =
        utoipa_swagger_ui::SwaggerUi::new("/docs").config(utoipa_swagger_ui::Config::from("/openapi.json").validator_url("none").persist_authorization(true));
    Router::new().merge(swagger).route("/redoc", get(redoc_page)).route("/redoc/redoc.standalone.js", get(redoc_js)).route("/api", get(landing))
}

async fn redoc_page() -> Html<&'static str> {
    Html(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sentra API reference</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<redoc spec-url="/openapi.json"></redoc>
<script src="/redoc/redoc.standalone.js"></script>
</body>
</html>
"#,
    )
}

async fn redoc_js() -> impl IntoResponse {
    static JS: OnceLock<String> = OnceLock::new();
    let js = JS.get_or_init(|| REDOC_JS.replace(REDOC_CDN_LOGO, INLINE_LOGO));
    ([(header::CONTENT_TYPE, "application/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=86400")], js.as_str())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

async fn landing() -> Html<String> {
    static PAGE: OnceLock<String> = OnceLock::new();
    Html(PAGE.get_or_init(render_landing).clone())
}

fn render_landing() -> String {
    use utoipa::OpenApi;
    let doc = crate::ApiDoc::openapi();
    let mut rows = String::new();
    for (path, item) in &doc.paths.paths {
        for (method, op) in [("GET", &item.get), ("POST", &item.post), ("PUT", &item.put), ("PATCH", &item.patch), ("DELETE", &item.delete)] {
            let Some(op) = op else { continue };
            let summary = op.summary.clone().unwrap_or_default();
            let access = auth::route_permission(method, path).map_or_else(|| "public".to_string(), |p| format!("<code>{}</code>", p.as_str()));
            let _ =
                writeln!(rows, "<tr><td><code>{method}</code></td><td><code>{}</code></td><td>{}</td><td>{access}</td></tr>", escape(path), escape(&summary));
        }
    }
    let mut roles = String::new();
    for (role, perms) in ROLE_PERMISSIONS {
        let list = perms.iter().map(|p| format!("<code>{}</code>", p.as_str())).collect::<Vec<_>>().join(" ");
        let _ = writeln!(roles, "<tr><td><code>{role}</code></td><td>{list}</td></tr>");
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sentra API</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }}
table {{ border-collapse: collapse; width: 100%; margin: 1rem 0; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .4rem .6rem; text-align: left; vertical-align: top; }}
code {{ background: #f3f3f3; padding: 0 .25rem; border-radius: 3px; }}
</style>
</head>
<body>
<h1>sentra API <small>{version}</small></h1>
<p>Compliance and security scanning with sandboxed WebAssembly rule packs.</p>
<p>Reference: <a href="/docs/">Swagger UI</a> · <a href="/redoc">ReDoc</a> · <a href="/openapi.json">OpenAPI document</a> · <a href="/health">health</a></p>
<h2>Authentication</h2>
<p>Send an API key in the <code>X-API-Key</code> header or as <code>Authorization: Bearer &lt;key&gt;</code>.
Keys are created with <code>sentra keys create --role ROLE [--tenant T]</code> and stored hashed (<code>keys:manage</code>, the admin's, is exercised with <code>sentra keys</code> on the server's state directory; no HTTP route creates keys); <code>GUARD_API_KEY</code> sets one admin key.
With no key configured, a server bound to loopback is open; bound to any other address it creates an admin key at start and prints it once.
A missing or wrong key is <code>401</code>; a key whose role lacks the endpoint's permission is <code>403</code>; too many requests, <code>429</code> with <code>Retry-After</code>.
Every error is JSON: <code>{{"detail": "...", "code": "..."}}</code>, plus <code>errors</code> on <code>422</code>.</p>
<h2>Roles</h2>
<table><tr><th>Role</th><th>Permissions</th></tr>
{roles}</table>
<h2>Endpoints</h2>
<table><tr><th>Method</th><th>Path</th><th>What</th><th>Needs</th></tr>
{rows}</table>
</body>
</html>
"#,
        version = env!("CARGO_PKG_VERSION"),
    )
}
