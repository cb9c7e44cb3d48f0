//! What the API fuzzer (tests/api-fuzz, schemathesis) found, kept as ordinary tests: each
//! case is the shrunk request it reported, against the real server, and responses are
//! checked against the committed OpenAPI document, not against hand-written shapes.

use serde_json::{Value, json};

use super::server::{Server, assert_error};
use super::write;

/// A validator for one component of the committed OpenAPI document (`$ref`s resolve
/// against the document, which is carried along as the schema's root).
fn component(name: &str) -> jsonschema::Validator {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(super::repo_root().join("schemas/openapi.json")).unwrap()).unwrap();
    let schema = json!({"$ref": format!("#/components/schemas/{name}"), "components": doc["components"]});
    jsonschema::options().with_draft(jsonschema::Draft::Draft202012).build(&schema).unwrap()
}

fn assert_conforms(name: &str, v: &Value) {
    let validator = component(name);
    let problems: Vec<String> = validator.iter_errors(v).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(problems.is_empty(), "response does not match components.schemas.{name}: {problems:?}\n{v}");
}

#[test]
fn responses_match_the_documented_schemas() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "src/app.py", "import pickle\nobj = pickle.loads(blob)\nK = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'\n");
    let s = Server::start(root.path());

    // A finding's evidence was documented as the compliance report's `{file, line}`: two
    // types named `Evidence`, and the OpenAPI components kept only one.
    let (status, _, scan) = s.call("POST", "/scan", None, Some("{}"));
    assert_eq!(status, 200, "{scan}");
    assert!(scan["total"].as_u64().unwrap() >= 2);
    assert_conforms("ScanResult", &scan);
    let (_, _, findings) = s.call("GET", "/api/findings", None, None);
    assert_conforms("FindingsResponse", &findings);
    let (_, _, report) = s.call("GET", "/api/compliance/owasp-top-10", None, None);
    assert_conforms("ComplianceReport", &report);

    // `last_reconcile` is null before the first reconcile.
    let (_, _, status_body) = s.call("GET", "/api/devops/status", None, None);
    assert_eq!(status_body["last_reconcile"], Value::Null);
    assert_conforms("DevopsStatus", &status_body);

    // A created pack was answered with a partial hand-built object.
    let (status, _, created) = s.call("POST", "/api/packs", None, Some(r#"{"pack_id": "0", "name": "0", "rules": []}"#));
    assert_eq!(status, 201, "{created}");
    assert_conforms("PackEntry", &created);
    assert!(created.get("approval_id").is_none());

    // `download=true&format=json` answers the document itself, which the schema now allows.
    let r = s.client.post(format!("{}/report?format=json&download=true", s.base)).body("null").send().unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_conforms("ReportJson", &r.json::<Value>().unwrap());
}

#[test]
fn malformed_requests_get_the_error_shape_and_change_nothing() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "app.py", "x = 1\n");
    let s = Server::start(root.path());
    let (_, _, before) = s.call("GET", "/api/governance", None, None);

    // A JSON `null` body is "no body", as the schema says, where the body is optional.
    for path in ["/scan", "/gate", "/report"] {
        let (status, _, v) = s.call("POST", path, None, Some("null"));
        assert_eq!(status, 200, "{path}: {v}");
    }
    // Where it is required, an absent body is 422: a bodiless POST reset the governance.
    for body in [None, Some("null"), Some("  ")] {
        let (status, _, v) = s.call("POST", "/api/governance", None, body);
        assert_error(status, &v, 422, "validation_error");
        assert_eq!(v["errors"][0]["loc"], json!(["body"]));
    }
    // serde takes an array of a struct's fields as the struct; the API does not.
    let (status, _, v) = s.call("POST", "/api/governance", None, Some("[null, null]"));
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = s.call("POST", "/api/governance", None, Some(r#"{"human_review_required": [null, null]}"#));
    assert_error(status, &v, 422, "validation_error");
    assert_eq!(v["errors"][0]["loc"], json!(["body", "human_review_required"]));
    let (status, _, v) = s.call("POST", "/scan", None, Some(r#"{"config_overrides": [null]}"#));
    assert_error(status, &v, 422, "validation_error");
    let (_, _, after) = s.call("GET", "/api/governance", None, None);
    assert_eq!(before, after, "a refused request changed the governance");

    // A path segment that does not parse was axum's plain-text 400.
    for (method, path) in [("GET", "/api/approvals/9223372036854775808"), ("GET", "/api/approvals/x/status")] {
        let (status, headers, v) = s.call(method, path, None, None);
        assert_error(status, &v, 400, "invalid_path");
        assert!(headers["content-type"].to_str().unwrap().starts_with("application/json"));
    }
    // An approval's context must be an object; null means none.
    let (status, _, v) = s.call("POST", "/api/approvals", None, Some(r#"{"action_type": "_", "title": "0", "context": [null, null]}"#));
    assert_error(status, &v, 422, "validation_error");
    let (status, _, v) = s.call("POST", "/api/approvals", None, Some(r#"{"action_type": "_", "title": "0", "context": null}"#));
    assert_eq!(status, 201, "{v}");
    assert_conforms("Approval", &v);
    // An empty or malformed pack filter is refused, not an empty list.
    let (status, _, v) = s.call("GET", "/rules?pack=", None, None);
    assert_error(status, &v, 422, "validation_error");

    // A compliance report on a pack the tenant disabled was a 500 ("did not run").
    let (status, _, v) = s.call("POST", "/api/packs/owasp-top-10/disable", None, None);
    assert_eq!(status, 200, "{v}");
    let (status, _, v) = s.call("GET", "/api/compliance/owasp-top-10", None, None);
    assert_error(status, &v, 409, "pack_unavailable");
    // format=html is documented as text/html.
    let (status, _, _) = s.call("POST", "/api/packs/owasp-top-10/enable", None, None);
    assert_eq!(status, 200);
    let r = s.client.get(format!("{}/api/compliance/owasp-top-10?format=html", s.base)).send().unwrap();
    assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
}
