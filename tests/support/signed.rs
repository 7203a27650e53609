//! Raw requests to an in-process emulator, signed by a tiny helper on top of the crate's signer
//! (not the real client), so the emulator's wire details can be checked one by one.

use chrono::Utc;
use reqwest::header::HeaderMap;
use serde_json::Value;
use swr_tui::emulator::{
    DEMO_ACCESS_KEY, DEMO_PROJECT_ID, DEMO_SECRET_KEY, Emulator, EmulatorConfig,
};
use swr_tui::swr::encoding::canonical_query;
use swr_tui::swr::sign::{SDK_DATE_FORMAT, SignInput, add_signing_headers, sign};

pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// How to (mis)sign a request.
#[derive(Clone, Copy)]
pub enum Auth<'a> {
    Sign {
        secret: &'a str,
        date_offset_secs: i64,
    },
    Token(&'a str),
}

pub const GOOD: Auth<'static> = Auth::Sign {
    secret: DEMO_SECRET_KEY,
    date_offset_secs: 0,
};

pub async fn demo() -> Emulator {
    Emulator::start("127.0.0.1:0".parse().unwrap(), EmulatorConfig::demo())
        .await
        .unwrap()
}

pub async fn call(
    emu: &Emulator,
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    body: Option<&str>,
    auth: Auth<'_>,
) -> Reply {
    let host = emu.addr().to_string();
    let query: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let body = body.unwrap_or("").as_bytes().to_vec();
    let mut headers = vec![("Content-Type".to_string(), "application/json".to_string())];
    match auth {
        Auth::Sign {
            secret,
            date_offset_secs,
        } => {
            let date = (Utc::now() + chrono::Duration::seconds(date_offset_secs))
                .format(SDK_DATE_FORMAT)
                .to_string();
            headers.push(("X-Project-Id".into(), DEMO_PROJECT_ID.into()));
            add_signing_headers(&mut headers, &host, &date, None);
            let input = SignInput {
                method,
                path,
                query: &query,
                headers: &headers,
                body: &body,
            };
            let authorization = sign(&input, secret).authorization(DEMO_ACCESS_KEY);
            headers.push(("Authorization".into(), authorization));
        }
        Auth::Token(token) => headers.push(("X-Auth-Token".into(), token.into())),
    }
    let qs = canonical_query(&query);
    let url = if qs.is_empty() {
        format!("{}{path}", emu.url())
    } else {
        format!("{}{path}?{qs}", emu.url())
    };
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let mut req = client.request(method.parse().unwrap(), url).body(body);
    for (k, v) in headers.iter().filter(|(k, _)| k != "Host") {
        req = req.header(k, v);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let body = resp.text().await.unwrap();
    assert!(
        headers.contains_key("x-request-id"),
        "every response carries X-Request-Id"
    );
    Reply {
        status,
        headers,
        body,
    }
}

pub async fn get(emu: &Emulator, path: &str, query: &[(&str, &str)]) -> Reply {
    call(emu, "GET", path, query, None, GOOD).await
}

pub async fn get_with_token(emu: &Emulator, path: &str, token: &str) -> Reply {
    call(emu, "GET", path, &[], None, Auth::Token(token)).await
}
