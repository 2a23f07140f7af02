//! Who may talk to the server, checked before any page runs: the request must name this
//! server in its `Host` (a DNS-rebinding page cannot), carry this run's token (first in
//! the address, then as an `HttpOnly` `SameSite=Strict` cookie) and, for a POST, come from a
//! page of this server (`Origin`: the `SameSite` cookie alone does not stop a page on
//! another port of 127.0.0.1). Every answer, refusals included, carries the headers that
//! keep a page from loading anything foreign or being framed.

use std::fmt::Write as _;
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::Server;
use super::view::{self, Lang};

/// The headers on every answer: nothing loaded from elsewhere, no inline script, no
/// framing, no address sent to another site in a `Referer`, nothing cached. (Not
/// `no-referrer`: under it browsers send `Origin: null` with the pages' own forms.)
const HEADERS: [(header::HeaderName, &str); 5] = [
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    ),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "same-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (header::CACHE_CONTROL, "no-store"),
];

/// A fresh token: 32 bytes from the operating system's random source, in hex.
pub fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .context("cannot make the server's access token")?;
    Ok(bytes.iter().fold(String::with_capacity(64), |mut hex, b| {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{b:02x}");
        hex
    }))
}

/// The cookie's name holds the port: two servers on one PC keep their own cookies.
fn cookie_name(server: &Server) -> String {
    format!("caseledger-{}", server.port)
}

/// The middleware in front of every route.
pub async fn check(State(server): State<Arc<Server>>, request: Request, next: Next) -> Response {
    let mut response = match refusal(&server, &request) {
        Some(refused) => refused,
        None => match token_exchange(&server, &request) {
            Some(redirect) => redirect,
            None => next.run(request).await,
        },
    };
    let headers = response.headers_mut();
    for (name, value) in HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// Why a request is refused, as the answer to send; `None` lets it through.
fn refusal(server: &Server, request: &Request) -> Option<Response> {
    let lang = Lang::of_query(request.uri().query());
    let headers = request.headers();
    let Some(host) = own_host(server, headers) else {
        return Some(refuse(
            StatusCode::FORBIDDEN,
            lang,
            lang.pick(
                "请求的 Host 不是本机服务地址，已拒绝。",
                "the request's Host is not this server's address: refused",
            ),
        ));
    };
    if token_in_query(request).is_none() {
        match cookie(headers, &cookie_name(server)) {
            None => {
                return Some(refuse(
                    StatusCode::UNAUTHORIZED,
                    lang,
                    lang.pick(
                        "请打开 caseledger serve 启动时显示的地址（含 token）。",
                        "open the address caseledger serve printed when it started (with its token)",
                    ),
                ));
            }
            Some(value) if !same(value, &server.token) => {
                return Some(refuse(
                    StatusCode::FORBIDDEN,
                    lang,
                    lang.pick(
                        "访问凭据已失效：请打开本次启动时显示的地址。",
                        "this access is from another run: open the address printed when the server started",
                    ),
                ));
            }
            Some(_) => {}
        }
    }
    if request.method() == Method::POST {
        let expected = format!("http://{host}");
        let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
        if origin != Some(expected.as_str()) {
            return Some(refuse(
                StatusCode::FORBIDDEN,
                lang,
                lang.pick(
                    "只接受本服务页面提交的表单（Origin 不符），已拒绝。",
                    "only forms on this server's own pages may write (the Origin differs): refused",
                ),
            ));
        }
        if let Some(length) = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|l| l.to_str().ok())
            .and_then(|l| l.parse::<u64>().ok())
            && length > server.upload_limit as u64
        {
            return Some(too_large(server, lang));
        }
    }
    None
}

/// The 413 answer, with the limit in words a clerk can act on.
pub fn too_large(server: &Server, lang: Lang) -> Response {
    let limit = server.upload_limit >> 20;
    refuse(
        StatusCode::PAYLOAD_TOO_LARGE,
        lang,
        &if lang == Lang::En {
            format!(
                "the upload is larger than {limit} MB: send fewer files at once, or import them with caseledger import"
            )
        } else {
            format!("上传的文件超过 {limit} MB：请分批上传，或在命令行用 caseledger import 导入。")
        },
    )
}

/// A first visit with the right token: set the cookie and send the browser to the same
/// page without the token, so it leaves the address bar and the history.
fn token_exchange(server: &Server, request: &Request) -> Option<Response> {
    let token = token_in_query(request)?;
    let lang = Lang::of_query(request.uri().query());
    if !same(token, &server.token) {
        return Some(refuse(
            StatusCode::FORBIDDEN,
            lang,
            lang.pick(
                "地址中的 token 不是本次启动的：请打开启动时显示的地址。",
                "the token in the address is not this run's: open the address printed when the server started",
            ),
        ));
    }
    let rest: Vec<&str> = request
        .uri()
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("token="))
        .collect();
    let location = if rest.is_empty() {
        request.uri().path().to_owned()
    } else {
        format!("{}?{}", request.uri().path(), rest.join("&"))
    };
    let cookie = format!(
        "{}={}; HttpOnly; SameSite=Strict; Path=/",
        cookie_name(server),
        server.token
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    // Both values are built from ASCII: a path from the request line and hex digits.
    if let (Ok(location), Ok(cookie)) = (
        HeaderValue::from_str(&location),
        HeaderValue::from_str(&cookie),
    ) {
        headers.insert(header::LOCATION, location);
        headers.insert(header::SET_COOKIE, cookie);
    }
    Some(response)
}

/// The `Host` when it names this server (127.0.0.1 or localhost, on its port).
fn own_host<'a>(server: &Server, headers: &'a HeaderMap) -> Option<&'a str> {
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let port = server.port.to_string();
    let (name, host_port) = host.rsplit_once(':')?;
    (host_port == port && (name == "127.0.0.1" || name == "localhost")).then_some(host)
}

fn token_in_query(request: &Request) -> Option<&str> {
    request
        .uri()
        .query()?
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
}

/// One cookie's value from the `Cookie` headers.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| {
            let (key, value) = pair.trim().split_once('=')?;
            (key == name).then_some(value)
        })
}

/// Compares in time independent of where the texts first differ.
fn same(given: &str, token: &str) -> bool {
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

fn refuse(status: StatusCode, lang: Lang, message: &str) -> Response {
    view::message(status, lang, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(a: &str, b: &str, expected: bool) {
        assert_eq!(same(a, b), expected, "{a} vs {b}");
    }

    #[test]
    fn tokens_compare_whole() {
        case("abc", "abc", true);
        case("abd", "abc", false);
        case("ab", "abc", false);
        case("", "abc", false);
    }

    #[test]
    fn a_token_is_64_hex_digits_and_fresh() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
