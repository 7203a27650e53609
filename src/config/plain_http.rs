//! Endpoints reached over plain `http://`. On this machine that is the emulator, and fine;
//! anywhere else requests, IAM tokens, passwords and login credentials would cross the network
//! unencrypted, so the user is told before anything is sent.

use std::net::IpAddr;

use reqwest::Url;

/// One warning naming every host the endpoints reach over plain http, loopback excepted; `None`
/// when all are `https://` (or loopback). Only hosts are named: a URL may carry a user and password.
pub fn plain_http_warning(endpoints: &[&str]) -> Option<String> {
    let mut hosts: Vec<String> = Vec::new();
    for endpoint in endpoints {
        if let Some(host) = plain_http_host(endpoint)
            && !hosts.contains(&host)
        {
            hosts.push(host);
        }
    }
    (!hosts.is_empty()).then(|| {
        format!(
            "plain http to {}: credentials and tokens travel unencrypted",
            hosts.join(", ")
        )
    })
}

/// The host of an `http://` endpoint that leaves this machine.
fn plain_http_host(endpoint: &str) -> Option<String> {
    let url = Url::parse(endpoint.trim()).ok()?;
    if url.scheme() != "http" {
        return None;
    }
    let host = url.host_str()?;
    (!is_loopback(host)).then(|| host.to_string())
}

/// 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z), `localhost` and its subdomains (RFC 6761).
/// `host` is as the URL parser leaves it: lower case, IPv6 in brackets.
fn is_loopback(host: &str) -> bool {
    match host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
    {
        Ok(IpAddr::V4(ip)) => ip.is_loopback(),
        Ok(IpAddr::V6(ip)) => {
            ip.is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
        Err(_) => {
            let name = host.trim_end_matches('.');
            name == "localhost" || name.ends_with(".localhost")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_and_https_are_silent() {
        for url in [
            "http://127.0.0.1:8080",
            "http://127.1.2.3",
            "http://localhost:8080/",
            "http://LOCALHOST",
            "http://api.localhost:9000",
            "http://[::1]:8080",
            "http://[::ffff:127.0.0.1]:8080",
            "https://swr-api.cn-north-4.myhuaweicloud.com",
            "https://10.0.0.5:8443",
            "HTTPS://example.com",
        ] {
            assert_eq!(plain_http_warning(&[url]), None, "{url}");
        }
    }

    #[test]
    fn plain_http_elsewhere_is_warned_about_naming_only_hosts() {
        for (url, host) in [
            ("http://10.0.0.5:8080", "10.0.0.5"),
            ("http://swr.private.example", "swr.private.example"),
            ("HTTP://Swr.Example.COM/v2", "swr.example.com"),
            ("http://[fe80::1]:8080", "[fe80::1]"),
            ("http://128.0.0.1", "128.0.0.1"),
            ("http://localhost.example.com", "localhost.example.com"),
            ("http://0.0.0.0:8080", "0.0.0.0"),
        ] {
            let warning = plain_http_warning(&[url]).unwrap_or_else(|| panic!("{url}"));
            assert!(warning.contains(host), "{url}: {warning}");
            assert!(warning.contains("unencrypted"), "{warning}");
        }
        let with_user = plain_http_warning(&["http://alice:hunter2@10.0.0.5"]).unwrap();
        assert!(
            !with_user.contains("hunter2") && !with_user.contains("alice"),
            "{with_user}"
        );
    }

    #[test]
    fn one_warning_for_both_endpoints_each_host_once() {
        let same = plain_http_warning(&["http://10.0.0.5:8080", "http://10.0.0.5:8080"]).unwrap();
        assert_eq!(same.matches("10.0.0.5").count(), 1, "{same}");
        let two = plain_http_warning(&["https://swr.example", "http://iam.example"]).unwrap();
        assert!(
            two.contains("iam.example") && !two.contains("swr.example"),
            "{two}"
        );
        assert_eq!(
            plain_http_warning(&["http://127.0.0.1:1", "https://iam.example"]),
            None
        );
    }
}
