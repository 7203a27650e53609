//! AK/SK request signing, `SDK-HMAC-SHA256`, as Huawei's official SDK signer computes it.
//! The same canonicalisation serves the emulator's verifier.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::encoding::{canonical_query, decode, encode};

pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
pub const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// `X-Sdk-Date` format: basic ISO 8601 in UTC.
pub const SDK_DATE_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// The parts of a request the signature covers.
#[derive(Debug, Clone)]
pub struct SignInput<'a> {
    pub method: &'a str,
    /// The resource path as sent on the wire (already percent-encoded).
    pub path: &'a str,
    /// Unencoded query pairs.
    pub query: &'a [(String, String)],
    /// Every header that will be sent (the `Host` and `X-Sdk-Date` included).
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// The intermediate values, exposed so tests can compare each against the reference signer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signed_headers: String,
    pub signature: String,
}

impl Signature {
    pub fn authorization(&self, access_key: &str) -> String {
        format!(
            "{ALGORITHM} Access={access_key}, SignedHeaders={}, Signature={}",
            self.signed_headers, self.signature
        )
    }
}

/// Decodes the path, splits it on `/`, re-encodes each segment and ends it with `/`.
pub fn canonical_uri(path: &str) -> String {
    let decoded = decode(path);
    let mut uri = decoded.split('/').map(encode).collect::<Vec<_>>().join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

fn payload_hash(input: &SignInput<'_>) -> String {
    if input.body.is_empty() {
        EMPTY_SHA256.to_string()
    } else if let Some(v) = header(input.headers, "x-sdk-content-sha256") {
        v.trim().to_string()
    } else {
        sha256_hex(input.body)
    }
}

/// Signed headers: every header without `_` in its name, lower-cased and sorted.
fn signed_header_names(headers: &[(String, String)]) -> Vec<String> {
    let mut names: Vec<String> = headers
        .iter()
        .map(|(k, _)| k.to_ascii_lowercase())
        .filter(|k| !k.contains('_'))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Computes the signature over the given headers, signing the headers named in `signed`.
pub fn sign_with(input: &SignInput<'_>, signed: &[String], secret_key: &str) -> Signature {
    let canonical_headers: String = signed
        .iter()
        .map(|name| {
            let value = header(input.headers, name).unwrap_or("").trim();
            format!("{name}:{value}\n")
        })
        .collect();
    let signed_headers = signed.join(";");
    let date = header(input.headers, "x-sdk-date").unwrap_or("").trim();
    let canonical_request = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        input.method.to_ascii_uppercase(),
        canonical_uri(input.path),
        canonical_query(input.query),
        canonical_headers,
        signed_headers,
        payload_hash(input)
    );
    let string_to_sign = format!(
        "{ALGORITHM}\n{date}\n{}",
        sha256_hex(canonical_request.as_bytes())
    );
    let signature = hmac_hex(secret_key.as_bytes(), string_to_sign.as_bytes());
    Signature {
        canonical_request,
        string_to_sign,
        signed_headers,
        signature,
    }
}

/// Signs a request whose headers are final (every header without `_` is signed).
pub fn sign(input: &SignInput<'_>, secret_key: &str) -> Signature {
    sign_with(input, &signed_header_names(input.headers), secret_key)
}

/// Lower-case hex HMAC-SHA256.
pub fn hmac_hex(key: &[u8], message: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(message);
    hex::encode(mac.finalize().into_bytes())
}

/// A parsed `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationHeader {
    pub access_key: String,
    pub signed_headers: Vec<String>,
    pub signature: String,
}

impl AuthorizationHeader {
    pub fn parse(value: &str) -> Option<Self> {
        let rest = value.trim().strip_prefix(ALGORITHM)?.trim_start();
        let mut access_key = None;
        let mut signed = None;
        let mut signature = None;
        for part in rest.split(',') {
            let (k, v) = part.trim().split_once('=')?;
            match k {
                "Access" => access_key = Some(v.to_string()),
                "SignedHeaders" => signed = Some(v.split(';').map(str::to_string).collect()),
                "Signature" => signature = Some(v.to_string()),
                _ => return None,
            }
        }
        Some(Self {
            access_key: access_key?,
            signed_headers: signed?,
            signature: signature?,
        })
    }
}

/// Constant-time comparison of two signatures.
pub fn signatures_match(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Adds the headers the SDK adds before signing, in its order: `X-Security-Token`,
/// `X-Sdk-Content-Sha256` for non-JSON bodies, `X-Sdk-Date` and `Host` unless present.
pub fn add_signing_headers(
    headers: &mut Vec<(String, String)>,
    host: &str,
    sdk_date: &str,
    security_token: Option<&str>,
) {
    if let Some(token) = security_token {
        headers.push(("X-Security-Token".into(), token.into()));
    }
    let non_json = header(headers, "content-type").is_some_and(|ct| {
        !(ct.starts_with("application/json") || ct.starts_with("application/bson"))
    });
    if non_json {
        headers.push(("X-Sdk-Content-Sha256".into(), "UNSIGNED-PAYLOAD".into()));
    }
    if header(headers, "x-sdk-date").is_none() {
        headers.push(("X-Sdk-Date".into(), sdk_date.into()));
    }
    if header(headers, "host").is_none() {
        headers.push(("Host".into(), host.into()));
    }
}
