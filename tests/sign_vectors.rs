//! Reproduces every signing vector computed by Huawei's official signer, byte for byte.

use serde_json::Value;
use swr_tui::swr::encoding::{PathPart, build_path, canonical_query};
use swr_tui::swr::sign::{SignInput, add_signing_headers, canonical_uri, sign};

fn vectors() -> Vec<Value> {
    let text = include_str!("fixtures/sign-vectors.json");
    serde_json::from_str(text).expect("fixture parses")
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

fn query(v: &Value) -> Vec<(String, String)> {
    v["query"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| (text(&pair[0]), text(&pair[1])))
        .collect()
}

fn headers(v: &Value, key: &str) -> Vec<(String, String)> {
    v[key]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| k.as_str() != "Authorization")
        .map(|(k, v)| (k.clone(), text(v)))
        .collect()
}

/// Expands `{name}` placeholders with encoded parameters, as the client does.
fn expand(template: &str, params: &serde_json::Map<String, Value>) -> String {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        parts.push(PathPart::Lit(&rest[..start]));
        let end = rest[start..].find('}').unwrap() + start;
        let name = &rest[start + 1..end];
        parts.push(PathPart::Param(params[name].as_str().unwrap()));
        rest = &rest[end + 1..];
    }
    parts.push(PathPart::Lit(rest));
    build_path(&parts)
}

#[test]
fn there_are_twenty_vectors() {
    assert_eq!(vectors().len(), 20);
}

#[test]
fn every_vector_reproduces_the_authorization_header() {
    for v in vectors() {
        let name = v["name"].as_str().unwrap();
        let q = query(&v);
        let wire_path = v["wire_path"].as_str().unwrap();
        let hdrs = headers(&v, "wire_headers");
        let body = v["body"].as_str().unwrap_or("").as_bytes().to_vec();
        let input = SignInput {
            method: v["method"].as_str().unwrap(),
            path: wire_path,
            query: &q,
            headers: &hdrs,
            body: &body,
        };
        let sig = sign(&input, v["sk"].as_str().unwrap());
        assert_eq!(
            sig.canonical_request,
            v["canonical_request"].as_str().unwrap(),
            "{name}"
        );
        assert_eq!(
            sig.string_to_sign,
            v["string_to_sign"].as_str().unwrap(),
            "{name}"
        );
        assert_eq!(
            sig.signed_headers,
            v["signed_headers"].as_str().unwrap(),
            "{name}"
        );
        assert_eq!(
            sig.authorization(v["ak"].as_str().unwrap()),
            v["authorization"].as_str().unwrap(),
            "{name}"
        );
        assert_eq!(
            canonical_query(&q),
            v["wire_query"].as_str().unwrap(),
            "{name}"
        );
    }
}

#[test]
fn direct_vectors_build_the_same_path_uri_and_headers() {
    for v in vectors()
        .into_iter()
        .filter(|v| v.get("path_template").is_some())
    {
        let name = v["name"].as_str().unwrap();
        let path = expand(
            v["path_template"].as_str().unwrap(),
            v["path_params"].as_object().unwrap(),
        );
        assert_eq!(path, v["wire_path"].as_str().unwrap(), "{name}");
        assert_eq!(
            canonical_uri(&path),
            v["canonical_uri"].as_str().unwrap(),
            "{name}"
        );
        assert_eq!(
            canonical_query(&query(&v)),
            v["canonical_query_string"].as_str().unwrap(),
            "{name}"
        );

        // Starting from the caller's headers, the signer adds the same ones the SDK adds.
        let mut hdrs = headers(&v, "headers_before_signing");
        let token = hdrs
            .iter()
            .position(|(k, _)| k == "X-Security-Token")
            .map(|i| hdrs.remove(i).1);
        add_signing_headers(
            &mut hdrs,
            v["host"].as_str().unwrap(),
            v["x_sdk_date"].as_str().unwrap(),
            token.as_deref(),
        );
        let mut got: Vec<_> = hdrs
            .iter()
            .map(|(k, v)| (k.to_lowercase(), v.trim().to_string()))
            .collect();
        let mut want: Vec<_> = headers(&v, "wire_headers")
            .into_iter()
            .map(|(k, v)| (k.to_lowercase(), v))
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{name}");
    }
}
