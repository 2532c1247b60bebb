//! The reference page at `/api/v1/docs`, rendered on the server from the same OpenAPI
//! document the API serves, so what a reader sees is what the code does. Each problem kind
//! has an anchor here, which is what a problem document's `type` points at.

use std::fmt::Write;

use axum::response::Html;
use serde_json::Value;

use super::problem::Kind;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `#/components/schemas/Name` → `Name`, or the JSON type of an inline schema.
fn type_name(schema: &Value) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        return format!("<a href=\"#schema-{0}\">{0}</a>", esc(name));
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        return options
            .iter()
            .map(type_name)
            .filter(|t| t != "null")
            .collect::<Vec<_>>()
            .join(" or ");
    }
    let ty = match schema.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "any".into(),
    };
    if ty == "array" {
        let items = schema.get("items").map(type_name).unwrap_or_default();
        return format!("array of {items}");
    }
    esc(&ty)
}

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).map(esc).unwrap_or_default()
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

fn operations(out: &mut String, doc: &Value) {
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return;
    };
    for (path, item) in paths {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let _ = write!(
                out,
                "<section class=\"card api-op\" id=\"{}-{}\"><h3><code>{} {}</code></h3>",
                method,
                esc(&path.replace(['/', '{', '}'], "-")),
                method.to_uppercase(),
                esc(path)
            );
            let description = text(op.get("description").or_else(|| op.get("summary")));
            if !description.is_empty() {
                let _ = write!(out, "<p>{description}</p>");
            }
            if let Some(params) = op.get("parameters").and_then(Value::as_array) {
                out.push_str("<h4>Parameters</h4><table class=\"table\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">In</th><th scope=\"col\">Type</th><th scope=\"col\">Description</th></tr></thead><tbody>");
                for p in params {
                    let _ = write!(
                        out,
                        "<tr><td><code>{}</code>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        text(p.get("name")),
                        if p.get("required").and_then(Value::as_bool) == Some(true) {
                            " (required)"
                        } else {
                            ""
                        },
                        text(p.get("in")),
                        p.get("schema").map(type_name).unwrap_or_default(),
                        text(p.get("description"))
                    );
                }
                out.push_str("</tbody></table>");
            }
            if let Some(body) = op.pointer("/requestBody/content/application~1json/schema") {
                let _ = write!(
                    out,
                    "<p><strong>Body</strong> (JSON): {}</p>",
                    type_name(body)
                );
            }
            if let Some(responses) = op.get("responses").and_then(Value::as_object) {
                out.push_str("<h4>Answers</h4><ul>");
                for (status, r) in responses {
                    let body = r
                        .get("content")
                        .and_then(Value::as_object)
                        .and_then(|c| c.values().next())
                        .and_then(|c| c.get("schema"))
                        .map(type_name)
                        .map(|t| format!(" — {t}"))
                        .unwrap_or_default();
                    let _ = write!(
                        out,
                        "<li><strong>{}</strong> {}{}</li>",
                        esc(status),
                        text(r.get("description")),
                        body
                    );
                }
                out.push_str("</ul>");
            }
            out.push_str("</section>");
        }
    }
}

fn schemas(out: &mut String, doc: &Value) {
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return;
    };
    for (name, schema) in schemas {
        let _ = write!(
            out,
            "<section class=\"card api-schema\" id=\"schema-{0}\"><h3>{0}</h3>",
            esc(name)
        );
        let description = text(schema.get("description"));
        if !description.is_empty() {
            let _ = write!(out, "<p>{description}</p>");
        }
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            out.push_str("<table class=\"table\"><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Type</th><th scope=\"col\">Description</th></tr></thead><tbody>");
            for (field, p) in props {
                let _ = write!(
                    out,
                    "<tr><td><code>{}</code>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(field),
                    if required.contains(&field.as_str()) {
                        " (required)"
                    } else {
                        ""
                    },
                    type_name(p),
                    text(p.get("description"))
                );
            }
            out.push_str("</tbody></table>");
        }
        out.push_str("</section>");
    }
}

fn problems(out: &mut String) {
    out.push_str("<table class=\"table\"><thead><tr><th scope=\"col\"><code>type</code></th><th scope=\"col\">Status</th><th scope=\"col\">Meaning</th></tr></thead><tbody>");
    for k in Kind::ALL {
        let _ = write!(
            out,
            "<tr id=\"problem-{}\"><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
            k.slug(),
            esc(&k.type_uri()),
            k.status().as_u16(),
            esc(k.title())
        );
    }
    out.push_str("</tbody></table>");
}

pub fn page(api: &utoipa::openapi::OpenApi, public_url: &str) -> Html<String> {
    let doc = serde_json::to_value(api).unwrap_or(Value::Null);
    let mut out = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Rootline REST API reference</title>\
         <link rel=\"stylesheet\" href=\"/pkg/rootline.css\"></head><body><main class=\"api-docs\">\
         <h1>Rootline REST API</h1>",
    );
    let _ = write!(
        out,
        "<p class=\"lead\">{}</p>\
         <p>Machine-readable: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a> (OpenAPI {}).</p>\
         <h2 id=\"authentication\">Authentication</h2>\
         <p>An administrator makes an access key on the portal's <a href=\"/settings/rest-api\">REST APIs</a> \
         page for one user; requests act as that user, with that user's permissions and the account's IP \
         restrictions. Send it on every request:</p>\
         <pre><code>curl -H 'Authorization: Bearer rlk_…' {}/api/v1/orders</code></pre>\
         <p>Every request that creates or charges (placing, renewing or reissuing an order, changing its names, \
         revoking it) accepts an <code>Idempotency-Key</code> header: a retry with the same key and body gets \
         the first answer again (with <code>Idempotent-Replayed: true</code>) instead of a second order or \
         charge; the same key with another body is refused.</p>",
        text(doc.pointer("/info/description")),
        text(doc.get("openapi")),
        esc(public_url)
    );
    out.push_str("<h2 id=\"operations\">Operations</h2>");
    operations(&mut out, &doc);
    out.push_str("<h2 id=\"problems\">Problems</h2><p>Every error is an RFC 9457 problem document (<code>application/problem+json</code>); branch on its <code>type</code>.</p>");
    problems(&mut out);
    out.push_str("<h2 id=\"schemas\">Types</h2>");
    schemas(&mut out, &doc);
    out.push_str("</main></body></html>");
    Html(out)
}
