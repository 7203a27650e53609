//! Percent-encoding exactly as Huawei's SDK does it (`quote(value, safe='')`):
//! every byte except `A-Z a-z 0-9 - _ . ~` becomes upper-case `%XX`.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// Everything but the RFC 3986 unreserved characters.
const SDK_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes one path segment or query component.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, SDK_ENCODE).to_string()
}

/// Decodes `%XX` sequences; invalid UTF-8 is replaced rather than rejected, because a
/// verifier must still be able to compute (and then reject) a canonical form.
pub fn decode(value: &str) -> String {
    percent_decode_str(value).decode_utf8_lossy().into_owned()
}

/// Repository names may contain `/`; the API wants each `/` replaced by `$` in paths.
pub fn repo_path_param(repository: &str) -> String {
    repository.replace('/', "$")
}

/// The inverse of [`repo_path_param`], for servers reading a path parameter.
pub fn repo_from_path_param(param: &str) -> String {
    param.replace('$', "/")
}

/// An enterprise-edition repository name as a path segment: Huawei documents replacing each `/`
/// by `%2F` first, and that is then percent-encoded once more, so `team/svc` is `team%252Fsvc`.
pub fn instance_repo_segment(repository: &str) -> String {
    encode(&repository.replace('/', "%2F"))
}

/// The inverse, for servers: `decoded` is the segment decoded once (`team%2Fsvc`).
pub fn instance_repo_from_segment(decoded: &str) -> String {
    decoded.replace("%2F", "/").replace("%2f", "/")
}

/// Builds a resource path from literal segments and parameters, encoding each parameter.
/// `segments` alternate between literal text (already safe) and values that need encoding.
pub fn build_path(parts: &[PathPart<'_>]) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            PathPart::Lit(s) => out.push_str(s),
            PathPart::Param(s) => out.push_str(&encode(s)),
        }
    }
    out
}

/// One piece of a resource path: literal text or a parameter to encode.
#[derive(Debug, Clone, Copy)]
pub enum PathPart<'a> {
    Lit(&'a str),
    Param(&'a str),
}

/// The canonical query string: pairs sorted by key then value (raw strings), each side encoded,
/// joined with `&`. It is also what goes on the wire.
pub fn canonical_query(pairs: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = pairs.iter().collect();
    sorted.sort();
    sorted
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Splits a raw query string into decoded pairs (`+` is a literal plus, as the SDK never sends it for space).
pub fn parse_query(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_python_quote_safe_empty() {
        assert_eq!(encode("a$b"), "a%24b");
        assert_eq!(encode("a/b"), "a%2Fb");
        assert_eq!(encode("my org"), "my%20org");
        assert_eq!(encode("v1.0-rc_1~"), "v1.0-rc_1~");
        assert_eq!(encode("镜像"), "%E9%95%9C%E5%83%8F");
    }

    #[test]
    fn query_is_sorted_and_encoded() {
        let q = vec![
            ("namespace".to_string(), "my org".to_string()),
            ("limit".to_string(), "10".to_string()),
            ("name".to_string(), "a+b/c".to_string()),
        ];
        assert_eq!(
            canonical_query(&q),
            "limit=10&name=a%2Bb%2Fc&namespace=my%20org"
        );
        assert_eq!(
            parse_query("limit=10&name=a%2Bb%2Fc"),
            vec![
                ("limit".to_string(), "10".to_string()),
                ("name".to_string(), "a+b/c".to_string())
            ]
        );
    }

    #[test]
    fn instance_repo_names_travel_double_encoded() {
        assert_eq!(instance_repo_segment("team/svc"), "team%252Fsvc");
        assert_eq!(instance_repo_segment("nginx"), "nginx");
        assert_eq!(
            instance_repo_from_segment(&decode("team%252Fsvc")),
            "team/svc"
        );
        assert_eq!(
            instance_repo_from_segment(&decode("team%2Fsvc")),
            "team/svc"
        );
    }

    #[test]
    fn repo_names_round_trip_through_dollar() {
        assert_eq!(repo_path_param("team/web/api"), "team$web$api");
        assert_eq!(repo_from_path_param("team$web$api"), "team/web/api");
    }
}
